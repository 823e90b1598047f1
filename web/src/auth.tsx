import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, call, hasSession, onSessionChange, type Schemas, setSession } from './api/client';
import { currentLanguage, type Language, setLanguage } from './i18n';

export type Me = Schemas['MeDto'];
export type Role = Schemas['Role'];

interface AuthState {
  me: Me | null;
  loading: boolean;
  signIn: (email: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  has: (role: Role) => boolean;
  bodiesFor: (role: Role) => string[];
  /** remembers the chosen language on the account (when signed in) */
  saveLanguage: (lang: Language) => Promise<void>;
}

/** A signed-in person's language follows their account; one who has not chosen yet keeps the browser's choice,
 *  which is then saved to the account so the next device opens in it too. */
function adoptLanguage(m: Me): void {
  if (m.language) {
    if (m.language !== currentLanguage()) setLanguage(m.language);
  } else void api.PUT('/api/v1/me/language', { body: { language: currentLanguage() } }).catch(() => undefined);
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(hasSession());

  const loadMe = useCallback(async () => {
    if (!hasSession()) {
      setMe(null);
      setLoading(false);
      return null;
    }
    try {
      const m = await call(api.GET('/api/v1/me'));
      adoptLanguage(m);
      setMe(m);
      return m;
    } catch {
      setSession(null);
      setMe(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void loadMe();
    return onSessionChange(() => {
      if (!hasSession()) setMe(null);
    });
  }, [loadMe]);

  const signIn = async (email: string, password: string) => {
    const pair = await call(api.POST('/api/v1/auth/sign-in', { body: { email, password } }));
    setSession({ accessToken: pair.accessToken, refreshToken: pair.refreshToken });
    const m = await call(api.GET('/api/v1/me'));
    adoptLanguage(m);
    setMe(m);
    return m;
  };
  const signOut = async () => {
    await api.POST('/api/v1/auth/sign-out').catch(() => undefined);
    setSession(null);
    setMe(null);
  };
  const has = (role: Role) => !!me?.roles.some((g) => g.role === role);
  const bodiesFor = (role: Role) => (me?.roles ?? []).filter((g) => g.role === role && g.bodyId).map((g) => g.bodyId as string);
  const saveLanguage = async (language: Language) => {
    if (!me) return;
    await api.PUT('/api/v1/me/language', { body: { language } }).catch(() => undefined);
    setMe({ ...me, language });
  };
  return <AuthContext.Provider value={{ me, loading, signIn, signOut, has, bodiesFor, saveLanguage }}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The landing page for a signed-in person: their main role's home. */
export function homeFor(me: Me): string {
  const roles = new Set(me.roles.map((r) => r.role));
  if (roles.has('TRAINEE')) return '/trainee';
  if (roles.has('SUPERVISOR')) return '/supervisor';
  if (roles.has('BODY_ADMIN') || roles.has('ADMIN')) return '/admin';
  return '/register';
}
