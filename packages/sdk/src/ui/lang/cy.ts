import type { Dictionary } from "../texts";

/** Welsh. */
export default {
  title: "Cwcis ar y wefan hon",
  description:
    "Rydym yn defnyddio cwcis a thechnolegau tebyg i weld sut mae'r wefan yn cael ei defnyddio, i ddangos fideos a negeseuon cyfryngau cymdeithasol, ac i fesur ein hysbysebu. Ni ddefnyddir dim y tu hwnt i'r hyn sydd ei angen ar y wefan i weithio oni bai eich bod yn caniatáu hynny, a gallwch newid eich meddwl ar unrhyw adeg.",
  reconsent:
    "Mae ein defnydd o gwcis wedi newid ers i chi ddewis ddiwethaf, felly rydym yn gofyn eto.",
  acceptAll: "Derbyn y cyfan",
  rejectAll: "Gwrthod y cyfan",
  manage: "Rheoli dewisiadau",
  save: "Cadw dewisiadau",
  close: "Cau",
  privacyPolicy: "Polisi preifatrwydd",
  cookiePolicy: "Polisi cwcis",
  preferencesTitle: "Dewisiadau preifatrwydd",
  preferencesIntro:
    "Dewiswch beth rydych yn ei ganiatáu. Mae cwcis hollol angenrheidiol yn cadw'r wefan i weithio ac ni ellir eu diffodd.",
  gpc: "Mae eich porwr yn gofyn i wefannau beidio â gwerthu na rhannu eich data (Global Privacy Control). Nid oes dim yn cael ei droi ymlaen oni bai eich bod yn ei ddewis.",
  gpcHonoured:
    "Mae signal Global Privacy Control eich porwr yn cael ei barchu: mae hysbysebu a rhannu eich data yn aros i ffwrdd.",
  alwaysOn: "Ymlaen bob amser",
  services: "Gwasanaethau",
  provider: "Darparwr",
  purpose: "Diben",
  cookies: "Cwcis",
  serviceprivacy: "Polisi preifatrwydd",
  consentId: "Eich ID caniatâd",
  consentIdHelp:
    "Dyfynnwch ef os ydych yn gofyn i ni beth sydd gennym am eich dewisiadau, neu i'w ddileu.",
  history: "Hanes eich caniatâd",
  historyEmpty: "Dim dewisiadau wedi'u cofnodi yn y porwr hwn eto.",
  "method.accept-all": "Derbyn y cyfan",
  "method.reject-all": "Gwrthod y cyfan",
  "method.custom": "Dewis personol",
  "method.withdraw": "Tynnwyd yn ôl",
  "method.gpc": "Global Privacy Control",
  "method.api": "Gosodwyd gan y wefan",
  "method.object": "Gwrthwynebwyd",
  "method.opt-out": "Wedi optio allan o werthu neu rannu",
  receiptProof: "Lawrlwytho gyda'i brawf",
  receiptProofPending: "Nid yw yn y cofnod cyhoeddus eto. Rhowch gynnig arall ymhen munud.",
  "category.necessary": "Hollol angenrheidiol",
  "category.necessary.description":
    "Diogelwch, cydbwyso llwyth a chofio eich dewisiadau preifatrwydd.",
  "category.preferences": "Dewisiadau",
  "category.preferences.description": "Cofio gosodiadau fel iaith neu ranbarth.",
  "category.analytics": "Dadansoddeg",
  "category.analytics.description":
    "Cyfrif ymweliadau a gweld sut mae'r wefan yn cael ei defnyddio, er mwyn i ni ei gwella.",
  "category.marketing": "Marchnata",
  "category.marketing.description":
    "Mesur a phersonoli hysbysebion, ar y wefan hon ac mewn mannau eraill.",
  "category.embeds": "Cynnwys wedi'i fewnosod a chyfryngau cymdeithasol",
  "category.embeds.description":
    "Fideos, lluniau a botymau rhannu o wefannau eraill, a allai eich olrhain.",
} satisfies Dictionary;
