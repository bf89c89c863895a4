/** How the simulated store signs its texts. */
export interface StoreVoice {
  brand: string;
  /** Where to get help: a support email, phone number or URL. */
  contact: string;
}

export type ReplyLanguage = 'en' | 'fr';

/** One confirmation, no marketing (FCC 64.1200(a)(12), CTIA). */
export const optOutConfirmation = ({ brand }: StoreVoice, language: ReplyLanguage): string =>
  language === 'fr'
    ? `${brand} : vous êtes désabonné et ne recevrez plus de messages. Répondez START pour vous réabonner.`
    : `${brand}: You are unsubscribed and will receive no more messages. Reply START to resubscribe.`;

/** The CTIA HELP elements: brand, contact, frequency, rates, opt-out instructions. */
export const helpReply = ({ brand, contact }: StoreVoice, language: ReplyLanguage, withBrand: boolean): string => {
  const program = language === 'fr' ? 'Alertes' : 'Alerts';
  const name = withBrand ? `${brand} ${program}` : program;
  return language === 'fr'
    ? `${name} : aide au ${contact}. Fréquence des messages variable. Des frais de messagerie et de données peuvent s'appliquer. Répondez ARRET pour annuler.`
    : `${name}: for help, contact ${contact}. Msg frequency varies. Msg & data rates may apply. Reply STOP to cancel.`;
};

export const resubscribeConfirmation = ({ brand }: StoreVoice): string =>
  `${brand}: You are re-subscribed to alerts. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel.`;

/** What any other text gets from a subscribed number: the campaign q4check must never see after STOP. */
export const marketingMessage = ({ brand }: StoreVoice): string =>
  `${brand}: Black Friday starts now! 30% off everything, today only. Shop now: https://store.example/black-friday Reply STOP to opt out.`;
