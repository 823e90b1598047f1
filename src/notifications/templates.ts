// Every message the service sends, in one place, per language (English only so far: add a language by adding
// its table). Templates never carry clinical free text (comments, narratives): the link opens the record.

export type NotificationKind =
  | 'case.submitted'
  | 'case.returned'
  | 'case.signed_off'
  | 'case.risk_flag'
  | 'account.registration_attempt'
  | 'application.submitted'
  | 'application.responded'
  | 'application.info_requested'
  | 'application.approved'
  | 'application.rejected'
  | 'accreditation.renewal_due'
  | 'accreditation.lapsed'
  | 'accreditation.expired'
  | 'accreditation.suspended'
  | 'accreditation.reinstated'
  | 'accreditation.revoked'
  | 'accreditation.restored'
  | 'calibration.expiring'
  | 'account.invitation'
  | 'account.password_reset'
  | 'account.verify_email'
  | 'account.confirm_new_email'
  | 'account.email_changed'
  | 'reference.requested';
export type Language = 'en';
export const DEFAULT_LANGUAGE: Language = 'en';

export interface MessageParams {
  /** absolute link to the record, built by the caller from PUBLIC_BASE_URL */
  link: string;
  clientCode?: string;
  /** the level of a scheme an application or accreditation is for (its code, e.g. PRACTITIONER) */
  level?: string;
  /** a date the message is about (YYYY-MM-DD): the expiry of an accreditation or a calibration */
  date?: string;
  bodyName?: string;
  role?: string;
  /** the person a message is about (the applicant who asks a referee for a reference) */
  personName?: string;
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
const lvl = (p: MessageParams) => (p.level ? ` ${p.level}` : '');
const on = (p: MessageParams) => (p.date ? ` on ${p.date}` : '');
const SEE_RECORD = 'Open it to read the details.';

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
  'reference.requested': {
    subject: (p) => `${p.personName ?? 'Someone'} asks you for a reference`,
    lines: (p) => [
      `${p.personName ?? 'Someone'} asks you for a reference for their accreditation with ${p.bodyName ?? 'a body'} on IPT Accreditation. They named you as their referee.`,
      'Open the link to see what is asked and write your reference; you need no account. The link works once and expires in 30 days; if you do not know this person, ignore this message.',
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
      "If you did not do this, contact your body's administrator at once.",
    ],
  },
  'case.risk_flag': {
    subject: (p) => `Risk flag raised on case${ref(p)}`,
    lines: () => [
      'An outcome measure recorded on a case you supervise indicates risk (for example PHQ-9 item 9 above 0). Please review the case promptly.',
    ],
  },
  // Applications and accreditations: the body's messages, requests and reasons stay on the record (they may quote
  // people); the mail says what happened and links to it.
  'application.submitted': {
    subject: (p) => `New application for level${lvl(p)} to decide`,
    lines: () => [
      'Someone has applied to your body for accreditation. The application shows how their record meets each rule of the level.',
      SEE_RECORD,
    ],
  },
  'application.responded': {
    subject: (p) => `An applicant answered your request for information (level${lvl(p)})`,
    lines: () => [
      'The applicant has answered the request for more information; the application is back with your body for a decision.',
      SEE_RECORD,
    ],
  },
  'application.info_requested': {
    subject: (p) => `More information is needed for your application (level${lvl(p)})`,
    lines: () => [
      'The body deciding your application has asked for more information. Open the application to read the request and answer it.',
    ],
  },
  'application.approved': {
    subject: (p) => `Your application for level${lvl(p)} was approved`,
    lines: () => [
      'Your application was approved and your accreditation has been issued. You can download your certificate and choose whether to be listed on the public register.',
    ],
  },
  'application.rejected': {
    subject: (p) => `Your application for level${lvl(p)} was not approved`,
    lines: () => ['The body has decided not to approve your application. Open the application to read the decision.'],
  },
  'accreditation.renewal_due': {
    subject: (p) => `Your accreditation${lvl(p)} is due for renewal`,
    lines: (p) => [
      `Your accreditation expires${on(p)}. Renewal is now open: renew it before then (or within the grace period) to keep it active.`,
    ],
  },
  'accreditation.lapsed': {
    subject: (p) => `Your accreditation${lvl(p)} has lapsed`,
    lines: () => [
      'Your accreditation was not renewed by the end of its grace period and has lapsed. Contact your body if you wish to restore it.',
    ],
  },
  'accreditation.expired': {
    subject: (p) => `Your accreditation${lvl(p)} has expired`,
    lines: () => ['Your fixed-term accreditation has come to the end of its term (and its grace period) and has expired.'],
  },
  'accreditation.suspended': {
    subject: (p) => `Your accreditation${lvl(p)} was suspended`,
    lines: () => ['Your body has suspended your accreditation. While it is suspended it does not show as valid.', SEE_RECORD],
  },
  'accreditation.reinstated': {
    subject: (p) => `Your accreditation${lvl(p)} was reinstated`,
    lines: () => ['Your body has lifted the suspension: your accreditation is active again.'],
  },
  'accreditation.revoked': {
    subject: (p) => `Your accreditation${lvl(p)} was revoked`,
    lines: () => ['Your body has revoked your accreditation. A revocation is final.', SEE_RECORD],
  },
  'accreditation.restored': {
    subject: (p) => `Your accreditation${lvl(p)} was restored`,
    lines: () => ['Your body has restored your lapsed accreditation: it is active again.'],
  },
  'calibration.expiring': {
    subject: () => 'Your rater calibration is about to expire',
    lines: (p) => [
      `Your calibration as a rater runs out${on(p)}. Score a current calibration exercise before then to stay calibrated; ratings by raters who are not calibrated may not count.`,
    ],
  },
};

const DIGEST_EN = {
  subject: (n: number) => `Your daily summary: ${n} notification${n === 1 ? '' : 's'}`,
  intro: 'Here is what happened since your last summary:',
};

const FOOTER_EN =
  'You receive this e-mail because of your account with IPT Accreditation. You can change how often you get e-mail in your notification preferences.';

const TEMPLATES: Record<Language, { kinds: Record<NotificationKind, Template>; digest: typeof DIGEST_EN; footer: string; open: string }> = {
  en: { kinds: EN, digest: DIGEST_EN, footer: FOOTER_EN, open: 'Open' },
};

export const languageOf = (preferred: string | null | undefined): Language =>
  preferred && preferred in TEMPLATES ? (preferred as Language) : DEFAULT_LANGUAGE;

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
