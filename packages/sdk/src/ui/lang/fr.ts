import type { Dictionary } from "../texts";

/** French. */
export default {
  title: "Cookies sur ce site",
  description:
    "Nous utilisons des cookies et des technologies similaires pour comprendre l'utilisation du site, afficher des vidéos et des publications de réseaux sociaux, et mesurer notre publicité. Rien au-delà de ce qui est nécessaire au fonctionnement du site n'est utilisé sans votre accord, et vous pouvez changer d'avis à tout moment.",
  reconsent:
    "Notre utilisation des cookies a changé depuis votre dernier choix : nous vous demandons à nouveau.",
  acceptAll: "Tout accepter",
  rejectAll: "Tout refuser",
  manage: "Gérer les préférences",
  save: "Enregistrer mes choix",
  close: "Fermer",
  privacyPolicy: "Politique de confidentialité",
  cookiePolicy: "Politique relative aux cookies",
  preferencesTitle: "Préférences de confidentialité",
  preferencesIntro:
    "Choisissez ce que vous autorisez. Les cookies strictement nécessaires assurent le fonctionnement du site et ne peuvent pas être désactivés.",
  gpc: "Votre navigateur demande aux sites de ne pas vendre ni partager vos données (Global Privacy Control). Rien n'est activé sans votre choix.",
  gpcHonoured:
    "Le signal Global Privacy Control de votre navigateur est respecté : la publicité et le partage de vos données restent désactivés.",
  alwaysOn: "Toujours actif",
  services: "Services",
  provider: "Fournisseur",
  purpose: "Finalité",
  cookies: "Cookies",
  serviceprivacy: "Politique de confidentialité de",
  consentId: "Votre identifiant de consentement",
  consentIdHelp:
    "Citez-le pour nous demander ce que nous conservons sur vos choix, ou pour l'effacer.",
  history: "Historique de votre consentement",
  historyEmpty: "Aucun choix enregistré dans ce navigateur pour l'instant.",
  "method.accept-all": "Tout accepté",
  "method.reject-all": "Tout refusé",
  "method.custom": "Choix personnalisé",
  "method.withdraw": "Retiré",
  "method.gpc": "Global Privacy Control",
  "method.api": "Défini par le site",
  "method.object": "Opposition",
  "method.opt-out": "Refus de la vente ou du partage",
  receiptProof: "Télécharger avec sa preuve",
  receiptProofPending: "Pas encore dans le journal public. Réessayez dans une minute.",
  "category.necessary": "Strictement nécessaires",
  "category.necessary.description":
    "Sécurité, répartition de charge et mémorisation de vos choix de confidentialité.",
  "category.preferences": "Préférences",
  "category.preferences.description": "Mémoriser des réglages comme la langue ou la région.",
  "category.analytics": "Mesure d'audience",
  "category.analytics.description":
    "Compter les visites et voir comment le site est utilisé, pour l'améliorer.",
  "category.marketing": "Marketing",
  "category.marketing.description":
    "Mesurer et personnaliser la publicité, sur ce site et ailleurs.",
  "category.embeds": "Contenus intégrés et réseaux sociaux",
  "category.embeds.description":
    "Vidéos, photos et boutons de partage d'autres sites, qui peuvent vous suivre.",
} satisfies Dictionary;
