import type { Dictionary } from "../texts";

/** Danish. */
export default {
  title: "Cookies på dette websted",
  description:
    "Vi bruger cookies og lignende teknologier til at se, hvordan webstedet bruges, til at vise videoer og opslag fra sociale medier og til at måle vores annoncering. Intet ud over det, webstedet har brug for for at virke, bruges uden din tilladelse, og du kan til enhver tid ændre mening.",
  reconsent: "Vores brug af cookies har ændret sig, siden du sidst valgte, så vi spørger igen.",
  acceptAll: "Accepter alle",
  rejectAll: "Afvis alle",
  manage: "Administrer præferencer",
  save: "Gem valg",
  close: "Luk",
  privacyPolicy: "Privatlivspolitik",
  cookiePolicy: "Cookiepolitik",
  preferencesTitle: "Privatlivsindstillinger",
  preferencesIntro:
    "Vælg, hvad du tillader. Strengt nødvendige cookies holder webstedet kørende og kan ikke slås fra.",
  gpc: "Din browser beder websteder om ikke at sælge eller dele dine data (Global Privacy Control). Intet slås til, medmindre du vælger det.",
  gpcHonoured:
    "Din browsers Global Privacy Control-signal respekteres: annoncering og deling af dine data forbliver slået fra.",
  alwaysOn: "Altid slået til",
  services: "Tjenester",
  provider: "Udbyder",
  purpose: "Formål",
  cookies: "Cookies",
  serviceprivacy: "Privatlivspolitik for",
  consentId: "Dit samtykke-ID",
  consentIdHelp:
    "Oplys det, hvis du spørger os, hvad vi har gemt om dine valg, eller beder os slette det.",
  history: "Din samtykkehistorik",
  historyEmpty: "Ingen valg er gemt i denne browser endnu.",
  "method.accept-all": "Accepterede alle",
  "method.reject-all": "Afviste alle",
  "method.custom": "Eget valg",
  "method.withdraw": "Tilbagekaldt",
  "method.gpc": "Global Privacy Control",
  "method.api": "Sat af webstedet",
  "method.object": "Indsigelse",
  "method.opt-out": "Fravalgt salg eller deling",
  receiptProof: "Download med bevis",
  receiptProofPending: "Endnu ikke i den offentlige log. Prøv igen om et minut.",
  "category.necessary": "Strengt nødvendige",
  "category.necessary.description":
    "Sikkerhed, belastningsfordeling og at huske dine privatlivsvalg.",
  "category.preferences": "Præferencer",
  "category.preferences.description": "At huske indstillinger som sprog eller region.",
  "category.analytics": "Statistik",
  "category.analytics.description":
    "At tælle besøg og se, hvordan webstedet bruges, så vi kan forbedre det.",
  "category.marketing": "Markedsføring",
  "category.marketing.description":
    "At måle og tilpasse annoncer, på dette websted og andre steder.",
  "category.embeds": "Indlejret indhold og sociale medier",
  "category.embeds.description":
    "Videoer, billeder og delingsknapper fra andre websteder, som kan spore dig.",
} satisfies Dictionary;
