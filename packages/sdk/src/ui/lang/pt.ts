import type { Dictionary } from "../texts";

/** Portuguese. */
export default {
  title: "Cookies neste site",
  description:
    "Utilizamos cookies e tecnologias semelhantes para ver como o site é utilizado, mostrar vídeos e publicações de redes sociais e medir a nossa publicidade. Nada além do que o site precisa para funcionar é utilizado sem a sua autorização, e pode mudar de ideias a qualquer momento.",
  reconsent:
    "A nossa utilização de cookies mudou desde a sua última escolha, por isso voltamos a perguntar.",
  acceptAll: "Aceitar tudo",
  rejectAll: "Rejeitar tudo",
  manage: "Gerir preferências",
  save: "Guardar escolhas",
  close: "Fechar",
  privacyPolicy: "Política de privacidade",
  cookiePolicy: "Política de cookies",
  preferencesTitle: "Preferências de privacidade",
  preferencesIntro:
    "Escolha o que permite. Os cookies estritamente necessários mantêm o site a funcionar e não podem ser desligados.",
  gpc: "O seu navegador pede aos sites que não vendam nem partilhem os seus dados (Global Privacy Control). Nada é ativado sem a sua escolha.",
  gpcHonoured:
    "O sinal Global Privacy Control do seu navegador é respeitado: a publicidade e a partilha dos seus dados continuam desativadas.",
  alwaysOn: "Sempre ativos",
  services: "Serviços",
  provider: "Fornecedor",
  purpose: "Finalidade",
  cookies: "Cookies",
  serviceprivacy: "Política de privacidade de",
  consentId: "O seu ID de consentimento",
  consentIdHelp:
    "Indique-o se nos perguntar o que guardamos sobre as suas escolhas, ou para o apagar.",
  history: "O seu histórico de consentimento",
  historyEmpty: "Ainda não há escolhas registadas neste navegador.",
  "method.accept-all": "Aceitou tudo",
  "method.reject-all": "Rejeitou tudo",
  "method.custom": "Escolha personalizada",
  "method.withdraw": "Retirado",
  "method.gpc": "Global Privacy Control",
  "method.api": "Definido pelo site",
  "method.object": "Oposição",
  "method.opt-out": "Recusa da venda ou partilha",
  receiptProof: "Transferir com a sua prova",
  receiptProofPending: "Ainda não está no registo público. Tente novamente dentro de um minuto.",
  "category.necessary": "Estritamente necessários",
  "category.necessary.description":
    "Segurança, distribuição de carga e memorização das suas escolhas de privacidade.",
  "category.preferences": "Preferências",
  "category.preferences.description": "Memorizar definições como o idioma ou a região.",
  "category.analytics": "Análise",
  "category.analytics.description":
    "Contar visitas e ver como o site é utilizado, para o melhorarmos.",
  "category.marketing": "Marketing",
  "category.marketing.description": "Medir e personalizar a publicidade, neste site e noutros.",
  "category.embeds": "Conteúdos incorporados e redes sociais",
  "category.embeds.description":
    "Vídeos, fotografias e botões de partilha de outros sites, que o podem seguir.",
} satisfies Dictionary;
