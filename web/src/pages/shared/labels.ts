// Short labels and badge tones shared by the trainee, supervisor and admin pages.
export const shortId = (id: string | null | undefined) => (id ? `…${id.slice(-6)}` : '—');

export const reviewTone = (s: string) => (s === 'signed_off' ? 'ok' : s === 'returned' ? 'bad' : s === 'submitted' ? 'warn' : 'neutral');

export const appTone = (s: string) => (s === 'approved' ? 'ok' : s === 'rejected' ? 'bad' : s === 'withdrawn' ? 'neutral' : 'warn');
