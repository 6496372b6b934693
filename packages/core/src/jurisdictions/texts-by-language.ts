import type { Language } from "../languages";
import type { RuleTextKey } from "./texts";

/**
 * The texts the rules add to the banner, in every language the banner speaks: the one source the
 * SDK's build (a small module per language and model), its dashboard preview and the compliance
 * linter read. A site's own wording (`texts`, a rule's `texts`) comes first. The UK objection
 * says what runs without asking and that objecting stops it at once and deletes its cookies; the
 * US link is the CCPA regulations' wording (in Spanish, the California Attorney General's).
 * Welsh and Portuguese are those of Wales and Portugal; Arabic is written right to left.
 */
export const RULE_TEXTS_BY_LANGUAGE: Record<Language, Record<RuleTextKey, string>> = {
  en: {
    object: "Object",
    objectInfo:
      "We count visits and remember your display settings without asking, to improve the site. You can object at any time: it stops at once and its cookies are deleted.",
    objected: "You objected: statistics and display settings are no longer collected.",
    privacyChoices: "Your Privacy Choices",
    optOut: "Do not sell or share my personal information",
    optOutHonoured: "Opt-out request honoured",
  },
  cy: {
    object: "Gwrthwynebu",
    objectInfo:
      "Rydym yn cyfrif ymweliadau ac yn cofio eich gosodiadau arddangos heb ofyn, er mwyn gwella'r wefan. Gallwch wrthwynebu ar unrhyw adeg: bydd yn dod i ben ar unwaith a bydd y cwcis perthnasol yn cael eu dileu.",
    objected:
      "Rydych wedi gwrthwynebu: nid yw ystadegau na gosodiadau arddangos yn cael eu casglu mwyach.",
    privacyChoices: "Eich dewisiadau preifatrwydd",
    optOut: "Peidiwch â gwerthu na rhannu fy ngwybodaeth bersonol",
    optOutHonoured: "Mae'r cais i optio allan wedi'i barchu",
  },
  de: {
    object: "Widersprechen",
    objectInfo:
      "Wir zählen Besuche und speichern Ihre Anzeigeeinstellungen, ohne zu fragen, um die Website zu verbessern. Sie können jederzeit widersprechen: Dann endet dies sofort, und die zugehörigen Cookies werden gelöscht.",
    objected:
      "Sie haben widersprochen: Statistiken und Anzeigeeinstellungen werden nicht mehr erfasst.",
    privacyChoices: "Ihre Datenschutzoptionen",
    optOut: "Meine personenbezogenen Daten nicht verkaufen oder weitergeben",
    optOutHonoured: "Ablehnung von Verkauf oder Weitergabe beachtet",
  },
  fr: {
    object: "S'opposer",
    objectInfo:
      "Sans vous le demander, nous comptons les visites et mémorisons vos réglages d'affichage, afin d'améliorer le site. Vous pouvez vous y opposer à tout moment : cela s'arrête aussitôt et les cookies correspondants sont supprimés.",
    objected:
      "Votre opposition est enregistrée : les statistiques et les réglages d'affichage ne sont plus collectés.",
    privacyChoices: "Vos choix de confidentialité",
    optOut: "Ne pas vendre ni partager mes informations personnelles",
    optOutHonoured: "Demande de refus respectée",
  },
  es: {
    object: "Oponerse",
    objectInfo:
      "Sin preguntarle, contamos las visitas y recordamos sus ajustes de visualización para mejorar el sitio. Puede oponerse en cualquier momento: se detiene de inmediato y se eliminan las cookies correspondientes.",
    objected: "Se ha opuesto: ya no se recogen estadísticas ni ajustes de visualización.",
    privacyChoices: "Sus opciones de privacidad",
    optOut: "No vender ni compartir mi información personal",
    optOutHonoured: "Solicitud de exclusión voluntaria respetada",
  },
  it: {
    object: "Opponiti",
    objectInfo:
      "Senza chiedertelo, contiamo le visite e ricordiamo le tue impostazioni di visualizzazione, per migliorare il sito. Puoi opporti in qualsiasi momento: si interrompe subito e i relativi cookie vengono eliminati.",
    objected:
      "Opposizione registrata: statistiche e impostazioni di visualizzazione non vengono più raccolte.",
    privacyChoices: "Le tue scelte sulla privacy",
    optOut: "Non vendere né condividere le mie informazioni personali",
    optOutHonoured: "Richiesta di rifiuto rispettata",
  },
  nl: {
    object: "Bezwaar maken",
    objectInfo:
      "We tellen bezoeken en onthouden uw weergave-instellingen zonder het u te vragen, om de website te verbeteren. U kunt op elk moment bezwaar maken: dan stopt het meteen en worden de bijbehorende cookies verwijderd.",
    objected:
      "U hebt bezwaar gemaakt: statistieken en weergave-instellingen worden niet meer verzameld.",
    privacyChoices: "Uw privacykeuzes",
    optOut: "Mijn persoonsgegevens niet verkopen of delen",
    optOutHonoured: "Verzoek tot afmelding gerespecteerd",
  },
  pl: {
    object: "Zgłoś sprzeciw",
    objectInfo:
      "Bez pytania liczymy odwiedziny i zapamiętujemy Twoje ustawienia wyświetlania, aby ulepszać stronę. Możesz w każdej chwili zgłosić sprzeciw: wtedy od razu przestajemy, a powiązane pliki cookie zostają usunięte.",
    objected: "Zgłoszono sprzeciw: statystyki i ustawienia wyświetlania nie są już zbierane.",
    privacyChoices: "Twoje wybory dotyczące prywatności",
    optOut: "Nie sprzedawaj ani nie udostępniaj moich danych osobowych",
    optOutHonoured: "Żądanie rezygnacji zostało uwzględnione",
  },
  pt: {
    object: "Opor-se",
    objectInfo:
      "Sem lhe perguntar, contamos as visitas e memorizamos as suas definições de visualização, para melhorar o site. Pode opor-se a qualquer momento: deixamos de o fazer de imediato e os cookies correspondentes são eliminados.",
    objected:
      "Opôs-se: as estatísticas e as definições de visualização deixaram de ser recolhidas.",
    privacyChoices: "As suas escolhas de privacidade",
    optOut: "Não vender nem partilhar as minhas informações pessoais",
    optOutHonoured: "Pedido de recusa respeitado",
  },
  sv: {
    object: "Invänd",
    objectInfo:
      "Vi räknar besök och kommer ihåg dina visningsinställningar utan att fråga, för att förbättra webbplatsen. Du kan invända när som helst: då upphör det direkt och tillhörande kakor raderas.",
    objected: "Du har invänt: statistik och visningsinställningar samlas inte längre in.",
    privacyChoices: "Dina integritetsval",
    optOut: "Sälj eller dela inte mina personuppgifter",
    optOutHonoured: "Din begäran om att avböja respekteras",
  },
  da: {
    object: "Gør indsigelse",
    objectInfo:
      "Vi tæller besøg og husker dine visningsindstillinger uden at spørge, for at forbedre webstedet. Du kan til enhver tid gøre indsigelse: så stopper det straks, og de tilhørende cookies slettes.",
    objected: "Du har gjort indsigelse: statistik og visningsindstillinger indsamles ikke længere.",
    privacyChoices: "Dine privatlivsvalg",
    optOut: "Sælg eller del ikke mine personoplysninger",
    optOutHonoured: "Anmodning om fravalg respekteres",
  },
  ar: {
    object: "اعتراض",
    objectInfo:
      "نحصي الزيارات ونتذكّر إعدادات العرض لديك دون أن نسألك، لتحسين الموقع. يمكنك الاعتراض في أي وقت: فيتوقف ذلك فورًا وتُحذف ملفات تعريف الارتباط الخاصة به.",
    objected: "لقد اعترضت: لم نعد نجمع الإحصاءات ولا إعدادات العرض.",
    privacyChoices: "خيارات الخصوصية الخاصة بك",
    optOut: "عدم بيع معلوماتي الشخصية أو مشاركتها",
    optOutHonoured: "تم احترام طلب رفض البيع أو المشاركة",
  },
};
