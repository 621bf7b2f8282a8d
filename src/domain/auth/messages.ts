/** The Danish sentences of login throttling: the same for every account, existing or not. */

const TIME = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  hour: '2-digit',
  minute: '2-digit',
});

/** "… Prøv igen kl. 10.17 (om 2 minutter)." */
export function throttledMessage(retryAt: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  const wait = minutes === 1 ? 'om 1 minut' : `om ${minutes} minutter`;
  return (
    'Der har været for mange mislykkede loginforsøg. Af hensyn til sikkerheden kan du først ' +
    `prøve igen kl. ${TIME.format(retryAt)} (${wait}). Har du glemt din adgangskode, så ` +
    'kontakt sekretariatet.'
  );
}
