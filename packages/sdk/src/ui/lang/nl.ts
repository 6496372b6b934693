import type { Dictionary } from "../texts";

/** Dutch. */
export default {
  title: "Cookies op deze website",
  description:
    "We gebruiken cookies en vergelijkbare technieken om te zien hoe de website wordt gebruikt, om video's en berichten van sociale media te tonen en om onze advertenties te meten. Niets wat verder gaat dan wat de website nodig heeft, wordt gebruikt zonder uw toestemming, en u kunt op elk moment van gedachten veranderen.",
  reconsent:
    "Ons gebruik van cookies is veranderd sinds uw laatste keuze, daarom vragen we het opnieuw.",
  acceptAll: "Alles accepteren",
  rejectAll: "Alles weigeren",
  manage: "Voorkeuren beheren",
  save: "Keuzes opslaan",
  close: "Sluiten",
  privacyPolicy: "Privacybeleid",
  cookiePolicy: "Cookiebeleid",
  preferencesTitle: "Privacyvoorkeuren",
  preferencesIntro:
    "Kies wat u toestaat. Strikt noodzakelijke cookies houden de website werkend en kunnen niet worden uitgezet.",
  gpc: "Uw browser vraagt websites uw gegevens niet te verkopen of te delen (Global Privacy Control). Niets wordt aangezet tenzij u het kiest.",
  gpcHonoured:
    "Het Global Privacy Control-signaal van uw browser wordt gerespecteerd: advertenties en het delen van uw gegevens blijven uit.",
  alwaysOn: "Altijd aan",
  services: "Diensten",
  provider: "Aanbieder",
  purpose: "Doel",
  cookies: "Cookies",
  serviceprivacy: "Privacybeleid van",
  consentId: "Uw toestemmings-ID",
  consentIdHelp:
    "Vermeld deze als u ons vraagt wat we over uw keuzes bewaren, of om die te wissen.",
  history: "Uw toestemmingsgeschiedenis",
  historyEmpty: "Nog geen keuzes vastgelegd in deze browser.",
  "method.accept-all": "Alles geaccepteerd",
  "method.reject-all": "Alles geweigerd",
  "method.custom": "Eigen keuze",
  "method.withdraw": "Ingetrokken",
  "method.gpc": "Global Privacy Control",
  "method.api": "Ingesteld door de website",
  "method.object": "Bezwaar gemaakt",
  "method.opt-out": "Afgemeld voor verkoop of delen",
  receiptProof: "Downloaden met bewijs",
  receiptProofPending: "Nog niet in het openbare logboek. Probeer het over een minuut opnieuw.",
  "category.necessary": "Strikt noodzakelijk",
  "category.necessary.description":
    "Beveiliging, taakverdeling en het onthouden van uw privacykeuzes.",
  "category.preferences": "Voorkeuren",
  "category.preferences.description": "Instellingen onthouden, zoals taal of regio.",
  "category.analytics": "Statistieken",
  "category.analytics.description":
    "Bezoeken tellen en zien hoe de website wordt gebruikt, zodat we die kunnen verbeteren.",
  "category.marketing": "Marketing",
  "category.marketing.description":
    "Advertenties meten en personaliseren, op deze website en elders.",
  "category.embeds": "Ingesloten inhoud en sociale media",
  "category.embeds.description":
    "Video's, foto's en deelknoppen van andere websites, die u kunnen volgen.",
} satisfies Dictionary;
