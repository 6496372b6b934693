import type { Dictionary } from "../texts";

/** Polish. */
export default {
  title: "Pliki cookie na tej stronie",
  description:
    "Używamy plików cookie i podobnych technologii, aby sprawdzać, jak korzystasz ze strony, wyświetlać filmy i posty z mediów społecznościowych oraz mierzyć skuteczność naszych reklam. Poza tym, co niezbędne do działania strony, nic nie jest używane bez Twojej zgody, a zdanie możesz zmienić w każdej chwili.",
  reconsent:
    "Od Twojego ostatniego wyboru zmieniło się nasze użycie plików cookie, dlatego pytamy ponownie.",
  acceptAll: "Zaakceptuj wszystkie",
  rejectAll: "Odrzuć wszystkie",
  manage: "Zarządzaj ustawieniami",
  save: "Zapisz wybór",
  close: "Zamknij",
  privacyPolicy: "Polityka prywatności",
  cookiePolicy: "Polityka plików cookie",
  preferencesTitle: "Ustawienia prywatności",
  preferencesIntro:
    "Wybierz, na co się zgadzasz. Niezbędne pliki cookie zapewniają działanie strony i nie można ich wyłączyć.",
  gpc: "Twoja przeglądarka prosi strony, aby nie sprzedawały ani nie udostępniały Twoich danych (Global Privacy Control). Nic nie zostanie włączone bez Twojego wyboru.",
  gpcHonoured:
    "Sygnał Global Privacy Control Twojej przeglądarki jest respektowany: reklama i udostępnianie Twoich danych pozostają wyłączone.",
  alwaysOn: "Zawsze włączone",
  services: "Usługi",
  provider: "Dostawca",
  purpose: "Cel",
  cookies: "Pliki cookie",
  serviceprivacy: "Polityka prywatności:",
  consentId: "Twój identyfikator zgody",
  consentIdHelp:
    "Podaj go, pytając nas, co przechowujemy o Twoich wyborach, lub prosząc o ich usunięcie.",
  history: "Historia Twoich zgód",
  historyEmpty: "W tej przeglądarce nie zapisano jeszcze żadnych wyborów.",
  "method.accept-all": "Zaakceptowano wszystkie",
  "method.reject-all": "Odrzucono wszystkie",
  "method.custom": "Własny wybór",
  "method.withdraw": "Wycofano",
  "method.gpc": "Global Privacy Control",
  "method.api": "Ustawione przez stronę",
  "method.object": "Sprzeciw",
  "method.opt-out": "Rezygnacja ze sprzedaży lub udostępniania",
  receiptProof: "Pobierz z dowodem",
  receiptProofPending: "Jeszcze nie ma w publicznym rejestrze. Spróbuj ponownie za minutę.",
  "category.necessary": "Niezbędne",
  "category.necessary.description":
    "Bezpieczeństwo, równoważenie obciążenia i zapamiętanie Twoich wyborów dotyczących prywatności.",
  "category.preferences": "Preferencje",
  "category.preferences.description": "Zapamiętywanie ustawień, takich jak język czy region.",
  "category.analytics": "Analityka",
  "category.analytics.description":
    "Liczenie odwiedzin i sprawdzanie, jak korzystasz ze strony, abyśmy mogli ją ulepszać.",
  "category.marketing": "Marketing",
  "category.marketing.description":
    "Mierzenie i personalizowanie reklam na tej stronie i poza nią.",
  "category.embeds": "Treści osadzone i media społecznościowe",
  "category.embeds.description":
    "Filmy, zdjęcia i przyciski udostępniania z innych stron, które mogą Cię śledzić.",
} satisfies Dictionary;
