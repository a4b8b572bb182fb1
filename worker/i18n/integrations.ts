/** UI strings of the integrations (Access single sign-on). */
import type { MessagesByLocale } from './pick';

export interface IntegrationMessages {
  ssoUnknownTitle: string;
  ssoUnknownDetail: (email: string) => string;
  ssoInvalidTitle: string;
  ssoInvalidDetail: string;
}

export const integrationMessages: MessagesByLocale<IntegrationMessages> = {
  en: {
    ssoUnknownTitle: 'No ClaimDesk account for this sign-in',
    ssoUnknownDetail: (email) =>
      `Cloudflare Access signed you in as ${email}, but no active ClaimDesk account has this e-mail address. Ask an administrator to create one.`,
    ssoInvalidTitle: 'Single sign-on failed',
    ssoInvalidDetail: 'The Cloudflare Access token could not be verified. Sign in again.',
  },
  ar: {
    ssoUnknownTitle: 'لا يوجد حساب ClaimDesk لهذا الدخول',
    ssoUnknownDetail: (email) =>
      `سجّلتك Cloudflare Access باسم ${email}، لكن لا يوجد حساب ClaimDesk نشط بهذا البريد الإلكتروني. اطلب من أحد المسؤولين إنشاء حساب.`,
    ssoInvalidTitle: 'فشل الدخول الموحّد',
    ssoInvalidDetail: 'تعذّر التحقق من رمز Cloudflare Access. سجّل الدخول مجددًا.',
  },
  fr: {
    ssoUnknownTitle: 'Aucun compte ClaimDesk pour cette connexion',
    ssoUnknownDetail: (email) =>
      `Cloudflare Access vous a identifié comme ${email}, mais aucun compte ClaimDesk actif n’a cette adresse. Demandez à un administrateur d’en créer un.`,
    ssoInvalidTitle: 'Échec de l’authentification unique',
    ssoInvalidDetail: 'Le jeton Cloudflare Access n’a pas pu être vérifié. Reconnectez-vous.',
  },
};
