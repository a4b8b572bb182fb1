/** Strings of two-step sign-in (TOTP): the code step of sign-in, the account page, the admin's switch. */
import type { Language } from '../lib/lang';
import { pick, type MessagesByLocale } from './pick';

const en = {
  title: 'Two-step sign-in',
  codeTitle: 'Enter your code',
  codeHelp:
    'Open the authenticator app on your phone and enter the six-digit code it shows for ClaimDesk.',
  codeLabel: 'Six-digit code',
  verify: 'Verify',
  wrongCode: 'That code is wrong or was already used. Wait for the next one and try again.',
  expired: 'This sign-in took too long or had too many wrong codes. Sign in again.',
  tooMany: 'Too many wrong codes for this account. Wait a few minutes and sign in again.',
  statusOn: 'Two-step sign-in is on: signing in asks for your password and a code from your phone.',
  statusOff:
    'Two-step sign-in is off. Turn it on so that a stolen password alone cannot open your account.',
  start: 'Set up two-step sign-in',
  restart: 'Start again with a new key',
  setupStep1:
    '1. In an authenticator app (for example FreeOTP, Aegis, Google Authenticator or 1Password), add an account by entering this key:',
  setupKey: 'Key',
  setupLink: 'Or open this link on the phone that has the app:',
  setupStep2: '2. Enter the code the app now shows, to check that it works:',
  confirm: 'Turn on',
  turnedOn: 'Two-step sign-in is on. Next time you sign in, have your phone at hand.',
  turnOffTitle: 'Turn off two-step sign-in',
  turnOffHelp: 'To turn it off, enter your password and a current code.',
  password: 'Password',
  turnOff: 'Turn off',
  turnedOff: 'Two-step sign-in is off.',
  wrongPassword: 'Wrong password.',
  lostPhone:
    'Lost your phone? An administrator can turn two-step sign-in off for your account; then set it up again.',
  adminOff: 'Turn off two-step sign-in',
  adminOffDone: 'Two-step sign-in is off for {name}. They can set it up again from their account.',
  adminColumn: 'Two-step',
  on: 'On',
  off: 'Off',
};

export type TwoFactorStrings = typeof en;

const ar: Partial<TwoFactorStrings> = {
  title: 'الدخول بخطوتين',
  codeTitle: 'أدخل الرمز',
  codeHelp:
    'افتح تطبيق المصادقة على هاتفك وأدخل الرمز المكوّن من ستة أرقام الذي يعرضه لـ ClaimDesk.',
  codeLabel: 'رمز من ستة أرقام',
  verify: 'تحقّق',
  wrongCode: 'الرمز غير صحيح أو استُخدم من قبل. انتظر الرمز التالي وحاول مجددًا.',
  expired: 'استغرق الدخول وقتًا طويلًا أو تكررت فيه الرموز الخاطئة. سجّل الدخول من جديد.',
  tooMany: 'رموز خاطئة كثيرة لهذا الحساب. انتظر بضع دقائق ثم سجّل الدخول من جديد.',
  statusOn: 'الدخول بخطوتين مفعّل: يطلب تسجيل الدخول كلمة المرور ورمزًا من هاتفك.',
  statusOff: 'الدخول بخطوتين غير مفعّل. فعّله كي لا تكفي كلمة مرور مسروقة وحدها لفتح حسابك.',
  start: 'إعداد الدخول بخطوتين',
  restart: 'البدء من جديد بمفتاح جديد',
  setupStep1:
    '١. في تطبيق مصادقة (مثل FreeOTP أو Aegis أو Google Authenticator أو 1Password) أضف حسابًا بإدخال هذا المفتاح:',
  setupKey: 'المفتاح',
  setupLink: 'أو افتح هذا الرابط على الهاتف الذي فيه التطبيق:',
  setupStep2: '٢. أدخل الرمز الذي يعرضه التطبيق الآن للتأكد من أنه يعمل:',
  confirm: 'تفعيل',
  turnedOn: 'الدخول بخطوتين مفعّل. أبقِ هاتفك في متناولك عند تسجيل الدخول القادم.',
  turnOffTitle: 'إيقاف الدخول بخطوتين',
  turnOffHelp: 'لإيقافه أدخل كلمة المرور ورمزًا حاليًا.',
  password: 'كلمة المرور',
  turnOff: 'إيقاف',
  turnedOff: 'الدخول بخطوتين متوقف.',
  wrongPassword: 'كلمة المرور غير صحيحة.',
  lostPhone: 'فقدت هاتفك؟ يستطيع المسؤول إيقاف الدخول بخطوتين لحسابك، ثم تعيد إعداده.',
  adminOff: 'إيقاف الدخول بخطوتين',
  adminOffDone: 'أُوقف الدخول بخطوتين لـ {name}. يمكنه إعداده من جديد من حسابه.',
  adminColumn: 'بخطوتين',
  on: 'مفعّل',
  off: 'متوقف',
};

const fr: Partial<TwoFactorStrings> = {
  title: 'Connexion en deux étapes',
  codeTitle: 'Saisissez votre code',
  codeHelp:
    'Ouvrez l’application d’authentification de votre téléphone et saisissez le code à six chiffres affiché pour ClaimDesk.',
  codeLabel: 'Code à six chiffres',
  verify: 'Vérifier',
  wrongCode: 'Ce code est faux ou a déjà servi. Attendez le suivant et réessayez.',
  expired: 'Cette connexion a pris trop de temps ou reçu trop de codes faux. Reconnectez-vous.',
  tooMany: 'Trop de codes faux pour ce compte. Attendez quelques minutes et reconnectez-vous.',
  statusOn:
    'La connexion en deux étapes est active : il faut votre mot de passe et un code de votre téléphone.',
  statusOff:
    'La connexion en deux étapes est désactivée. Activez-la pour qu’un mot de passe volé ne suffise pas à ouvrir votre compte.',
  start: 'Configurer la connexion en deux étapes',
  restart: 'Recommencer avec une nouvelle clé',
  setupStep1:
    '1. Dans une application d’authentification (par exemple FreeOTP, Aegis, Google Authenticator ou 1Password), ajoutez un compte en saisissant cette clé :',
  setupKey: 'Clé',
  setupLink: 'Ou ouvrez ce lien sur le téléphone qui a l’application :',
  setupStep2: '2. Saisissez le code que l’application affiche pour vérifier que tout fonctionne :',
  confirm: 'Activer',
  turnedOn: 'La connexion en deux étapes est active. Gardez votre téléphone à portée de main.',
  turnOffTitle: 'Désactiver la connexion en deux étapes',
  turnOffHelp: 'Pour la désactiver, saisissez votre mot de passe et un code actuel.',
  password: 'Mot de passe',
  turnOff: 'Désactiver',
  turnedOff: 'La connexion en deux étapes est désactivée.',
  wrongPassword: 'Mot de passe incorrect.',
  lostPhone:
    'Téléphone perdu ? Un administrateur peut désactiver la connexion en deux étapes de votre compte ; configurez-la ensuite à nouveau.',
  adminOff: 'Désactiver la connexion en deux étapes',
  adminOffDone:
    'La connexion en deux étapes est désactivée pour {name}. Il ou elle peut la configurer à nouveau depuis son compte.',
  adminColumn: 'Deux étapes',
  on: 'Active',
  off: 'Inactive',
};

const DICTS: MessagesByLocale<TwoFactorStrings> = { en, ar, fr };

export function twoFactorStrings(locale: Language): TwoFactorStrings {
  return pick(DICTS, locale);
}
