// Every message the service sends, in one place, per language (English only so far: add a language by adding
// its table). Templates never carry clinical free text (comments, narratives): the link opens the record.

export type NotificationKind =
  | 'case.submitted'
  | 'case.returned'
  | 'case.signed_off'
  | 'case.risk_flag'
  | 'account.registration_attempt'
  | 'account.invitation'
  | 'account.password_reset'
  | 'account.verify_email'
  | 'account.confirm_new_email'
  | 'account.email_changed';
export type Language = 'en';
export const DEFAULT_LANGUAGE: Language = 'en';

export interface MessageParams {
  /** absolute link to the record, built by the caller from PUBLIC_BASE_URL */
  link: string;
  clientCode?: string;
  bodyName?: string;
  role?: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

interface Template {
  subject: (p: MessageParams) => string;
  /** paragraphs, plain text; the link is appended */
  lines: (p: MessageParams) => string[];
}

const ROLE_WORDS: Record<string, string> = { TRAINEE: 'trainee', SUPERVISOR: 'supervisor', BODY_ADMIN: 'body administrator' };

const ref = (p: MessageParams) => (p.clientCode ? ` ${p.clientCode}` : '');

const EN: Record<NotificationKind, Template> = {
  'case.submitted': {
    subject: (p) => `Case${ref(p)} is waiting for your sign-off`,
    lines: () => ['A trainee you supervise has submitted a case for your review and sign-off.'],
  },
  'case.returned': {
    subject: (p) => `Case${ref(p)} was returned with comments`,
    lines: () => ['Your supervisor has returned the case with comments. Please read them, update the case and submit it again.'],
  },
  'case.signed_off': {
    subject: (p) => `Case${ref(p)} was signed off`,
    lines: () => ['Your supervisor has signed off the case. It now counts towards your training record.'],
  },
  'account.registration_attempt': {
    subject: () => 'Someone tried to register with your e-mail address',
    lines: () => [
      'Someone, perhaps you, tried to create a new account with this e-mail address. You already have an account, so nothing was created and your account is unchanged.',
      'If it was you, sign in with your existing account. If it was not you, you can ignore this message.',
    ],
  },
  'account.invitation': {
    subject: (p) => `You are invited to ${p.bodyName ?? 'a body'} on IPT Accreditation`,
    lines: (p) => [
      `${p.bodyName ?? 'A body'} invites you to take the role ${ROLE_WORDS[p.role ?? ''] ?? p.role ?? ''} on IPT Accreditation.`,
      'Open the link to accept: set a password for a new account, or sign in if you already have one. The link works once and expires; if you did not expect this invitation, ignore this message and nothing happens.',
    ],
  },
  'account.password_reset': {
    subject: () => 'Reset your password',
    lines: () => [
      'Someone, perhaps you, asked to reset the password of your IPT Accreditation account. Open the link within an hour to choose a new password; it works once.',
      'If it was not you, ignore this message: your password stays as it is.',
    ],
  },
  'account.verify_email': {
    subject: () => 'Confirm your e-mail address',
    lines: () => ['Please confirm that this address belongs to your new IPT Accreditation account by opening the link.'],
  },
  'account.confirm_new_email': {
    subject: () => 'Confirm your new e-mail address',
    lines: () => [
      'You asked to use this address for your IPT Accreditation account. Open the link to confirm it; until then your account keeps its current address.',
      'If it was not you, ignore this message.',
    ],
  },
  'account.email_changed': {
    subject: () => 'The e-mail address of your account was changed',
    lines: () => [
      'The e-mail address of your IPT Accreditation account was changed to a new address, confirmed from that address. You will no longer receive mail here.',
      'If you did not do this, contact your body\'s administrator at once.',
    ],
  },
  'case.risk_flag': {
    subject: (p) => `Risk flag raised on case${ref(p)}`,
    lines: () => ['An outcome measure recorded on a case you supervise indicates risk (for example PHQ-9 item 9 above 0). Please review the case promptly.'],
  },
};

const DIGEST_EN = {
  subject: (n: number) => `Your daily summary: ${n} notification${n === 1 ? '' : 's'}`,
  intro: 'Here is what happened since your last summary:',
};

const FOOTER_EN = 'You receive this e-mail because of your account with IPT Accreditation. You can change how often you get e-mail in your notification preferences.';

const TEMPLATES: Record<Language, { kinds: Record<NotificationKind, Template>; digest: typeof DIGEST_EN; footer: string; open: string }> = {
  en: { kinds: EN, digest: DIGEST_EN, footer: FOOTER_EN, open: 'Open' },
};

export const languageOf = (preferred: string | null | undefined): Language => (preferred && preferred in TEMPLATES ? (preferred as Language) : DEFAULT_LANGUAGE);

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function compose(lang: Language, subject: string, paragraphs: string[], links: { label: string; href: string }[]): RenderedMessage {
  const t = TEMPLATES[lang];
  const text = [...paragraphs, ...links.map((l) => `${l.label}: ${l.href}`), '--', t.footer].join('\n\n') + '\n';
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...links.map((l) => `<p><a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a></p>`),
    `<hr><p style="color:#666;font-size:smaller">${escapeHtml(t.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

export function render(kind: NotificationKind, params: MessageParams, lang: Language = DEFAULT_LANGUAGE): RenderedMessage {
  const t = TEMPLATES[lang].kinds[kind];
  return compose(lang, t.subject(params), t.lines(params), [{ label: TEMPLATES[lang].open, href: params.link }]);
}

export interface DigestItem {
  subject: string;
  link: string | null;
}

export function renderDigest(items: DigestItem[], lang: Language = DEFAULT_LANGUAGE): RenderedMessage {
  const t = TEMPLATES[lang];
  const lines = items.map((i) => `• ${i.subject}`);
  const links = items.filter((i) => i.link).map((i) => ({ label: i.subject, href: i.link as string }));
  return compose(lang, t.digest.subject(items.length), [t.digest.intro, lines.join('\n')], links);
}
