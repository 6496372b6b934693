import type { Dictionary } from "../texts";

/** Italian. */
export default {
  title: "Cookie su questo sito",
  description:
    "Usiamo cookie e tecnologie simili per capire come viene usato il sito, mostrare video e post dei social media e misurare la nostra pubblicità. Oltre a ciò che serve al funzionamento del sito non viene usato nulla senza il tuo consenso, e puoi cambiare idea in qualsiasi momento.",
  reconsent:
    "Il nostro uso dei cookie è cambiato dalla tua ultima scelta, quindi te lo chiediamo di nuovo.",
  acceptAll: "Accetta tutto",
  rejectAll: "Rifiuta tutto",
  manage: "Gestisci preferenze",
  save: "Salva le scelte",
  close: "Chiudi",
  privacyPolicy: "Informativa sulla privacy",
  cookiePolicy: "Cookie policy",
  preferencesTitle: "Preferenze sulla privacy",
  preferencesIntro:
    "Scegli cosa consentire. I cookie strettamente necessari fanno funzionare il sito e non possono essere disattivati.",
  gpc: "Il tuo browser chiede ai siti di non vendere né condividere i tuoi dati (Global Privacy Control). Nulla viene attivato se non lo scegli tu.",
  gpcHonoured:
    "Il segnale Global Privacy Control del tuo browser è rispettato: pubblicità e condivisione dei tuoi dati restano disattivate.",
  alwaysOn: "Sempre attivi",
  services: "Servizi",
  provider: "Fornitore",
  purpose: "Finalità",
  cookies: "Cookie",
  serviceprivacy: "Informativa sulla privacy di",
  consentId: "Il tuo ID di consenso",
  consentIdHelp: "Citalo se ci chiedi quali dati conserviamo sulle tue scelte o per cancellarli.",
  history: "Cronologia del tuo consenso",
  historyEmpty: "Nessuna scelta ancora registrata in questo browser.",
  "method.accept-all": "Accettato tutto",
  "method.reject-all": "Rifiutato tutto",
  "method.custom": "Scelta personalizzata",
  "method.withdraw": "Revocato",
  "method.gpc": "Global Privacy Control",
  "method.api": "Impostato dal sito",
  "method.object": "Opposizione",
  "method.opt-out": "Rifiuto della vendita o condivisione",
  receiptProof: "Scarica con la sua prova",
  receiptProofPending: "Non ancora nel registro pubblico. Riprova tra un minuto.",
  "category.necessary": "Strettamente necessari",
  "category.necessary.description":
    "Sicurezza, bilanciamento del carico e memorizzazione delle tue scelte sulla privacy.",
  "category.preferences": "Preferenze",
  "category.preferences.description": "Ricordare impostazioni come lingua o area geografica.",
  "category.analytics": "Statistiche",
  "category.analytics.description":
    "Contare le visite e capire come viene usato il sito, per migliorarlo.",
  "category.marketing": "Marketing",
  "category.marketing.description":
    "Misurare e personalizzare la pubblicità, su questo sito e altrove.",
  "category.embeds": "Contenuti incorporati e social media",
  "category.embeds.description":
    "Video, foto e pulsanti di condivisione di altri siti, che possono tracciarti.",
} satisfies Dictionary;
