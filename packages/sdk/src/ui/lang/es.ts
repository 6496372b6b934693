import type { Dictionary } from "../texts";

/** Spanish. */
export default {
  title: "Cookies en este sitio",
  description:
    "Usamos cookies y tecnologías similares para ver cómo se utiliza el sitio, mostrar vídeos y publicaciones de redes sociales y medir nuestra publicidad. No se usa nada más allá de lo que el sitio necesita para funcionar salvo que usted lo permita, y puede cambiar de opinión en cualquier momento.",
  reconsent:
    "Nuestro uso de cookies ha cambiado desde su última elección, así que volvemos a preguntarle.",
  acceptAll: "Aceptar todo",
  rejectAll: "Rechazar todo",
  manage: "Gestionar preferencias",
  save: "Guardar mis opciones",
  close: "Cerrar",
  privacyPolicy: "Política de privacidad",
  cookiePolicy: "Política de cookies",
  preferencesTitle: "Preferencias de privacidad",
  preferencesIntro:
    "Elija lo que permite. Las cookies estrictamente necesarias mantienen el sitio en funcionamiento y no se pueden desactivar.",
  gpc: "Su navegador pide a los sitios que no vendan ni compartan sus datos (Global Privacy Control). No se activa nada a menos que usted lo elija.",
  gpcHonoured:
    "Se respeta la señal Global Privacy Control de su navegador: la publicidad y la cesión de sus datos siguen desactivadas.",
  alwaysOn: "Siempre activas",
  services: "Servicios",
  provider: "Proveedor",
  purpose: "Finalidad",
  cookies: "Cookies",
  serviceprivacy: "Política de privacidad de",
  consentId: "Su ID de consentimiento",
  consentIdHelp: "Cítelo si nos pregunta qué guardamos sobre sus opciones o para borrarlo.",
  history: "Su historial de consentimiento",
  historyEmpty: "Todavía no hay opciones registradas en este navegador.",
  "method.accept-all": "Aceptado todo",
  "method.reject-all": "Rechazado todo",
  "method.custom": "Elección personalizada",
  "method.withdraw": "Retirado",
  "method.gpc": "Global Privacy Control",
  "method.api": "Fijado por el sitio",
  "method.object": "Oposición",
  "method.opt-out": "Exclusión de la venta o el intercambio",
  receiptProof: "Descargar con su prueba",
  receiptProofPending: "Aún no figura en el registro público. Inténtelo de nuevo en un minuto.",
  "category.necessary": "Estrictamente necesarias",
  "category.necessary.description":
    "Seguridad, equilibrio de carga y recordar sus opciones de privacidad.",
  "category.preferences": "Preferencias",
  "category.preferences.description": "Recordar ajustes como el idioma o la región.",
  "category.analytics": "Analítica",
  "category.analytics.description": "Contar visitas y ver cómo se usa el sitio, para mejorarlo.",
  "category.marketing": "Marketing",
  "category.marketing.description": "Medir y personalizar la publicidad, en este sitio y en otros.",
  "category.embeds": "Contenido incrustado y redes sociales",
  "category.embeds.description":
    "Vídeos, fotos y botones para compartir de otros sitios, que pueden rastrearle.",
} satisfies Dictionary;
