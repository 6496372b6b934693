import type { Dictionary } from "../texts";

/** Swedish. */
export default {
  title: "Kakor på den här webbplatsen",
  description:
    "Vi använder kakor och liknande tekniker för att se hur webbplatsen används, visa videor och inlägg från sociala medier och mäta vår annonsering. Inget utöver det webbplatsen behöver för att fungera används utan ditt tillstånd, och du kan ändra dig när som helst.",
  reconsent: "Vår användning av kakor har ändrats sedan du senast valde, så vi frågar igen.",
  acceptAll: "Godkänn alla",
  rejectAll: "Avvisa alla",
  manage: "Hantera inställningar",
  save: "Spara val",
  close: "Stäng",
  privacyPolicy: "Integritetspolicy",
  cookiePolicy: "Kakpolicy",
  preferencesTitle: "Integritetsinställningar",
  preferencesIntro:
    "Välj vad du tillåter. Nödvändiga kakor håller webbplatsen igång och kan inte stängas av.",
  gpc: "Din webbläsare ber webbplatser att inte sälja eller dela dina uppgifter (Global Privacy Control). Inget slås på om du inte väljer det.",
  gpcHonoured:
    "Din webbläsares Global Privacy Control-signal respekteras: annonsering och delning av dina uppgifter förblir avstängda.",
  alwaysOn: "Alltid på",
  services: "Tjänster",
  provider: "Leverantör",
  purpose: "Syfte",
  cookies: "Kakor",
  serviceprivacy: "Integritetspolicy för",
  consentId: "Ditt samtyckes-ID",
  consentIdHelp: "Ange det om du frågar vad vi sparar om dina val, eller ber oss radera det.",
  history: "Din samtyckeshistorik",
  historyEmpty: "Inga val har sparats i den här webbläsaren än.",
  "method.accept-all": "Godkände alla",
  "method.reject-all": "Avvisade alla",
  "method.custom": "Eget val",
  "method.withdraw": "Återkallat",
  "method.gpc": "Global Privacy Control",
  "method.api": "Satt av webbplatsen",
  "method.object": "Invändning",
  "method.opt-out": "Avböjt försäljning eller delning",
  receiptProof: "Ladda ner med bevis",
  receiptProofPending: "Ännu inte i den offentliga loggen. Försök igen om en minut.",
  "category.necessary": "Nödvändiga",
  "category.necessary.description":
    "Säkerhet, lastbalansering och att komma ihåg dina integritetsval.",
  "category.preferences": "Inställningar",
  "category.preferences.description": "Komma ihåg inställningar som språk eller region.",
  "category.analytics": "Statistik",
  "category.analytics.description":
    "Räkna besök och se hur webbplatsen används, så att vi kan förbättra den.",
  "category.marketing": "Marknadsföring",
  "category.marketing.description":
    "Mäta och anpassa annonser, på den här webbplatsen och på andra.",
  "category.embeds": "Inbäddat innehåll och sociala medier",
  "category.embeds.description":
    "Videor, foton och delningsknappar från andra webbplatser, som kan spåra dig.",
} satisfies Dictionary;
