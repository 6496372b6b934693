import type { WordingDictionary } from "./dictionary";

/** Arabic. */
export default {
  acceptLabels: ["موافق", "متابعة", "أوافق", "قبول", "نعم", "فهمت", "السماح"],
  impliedConsent: ["بمتابعة استخدام", "باستخدامك لهذا الموقع", "بالاستمرار في التصفح"],
  necessaryClaims: ["ضرورية للغاية", "ضرورية", "أساسية", "لا يمكن رفضها", "مفعلة دائما"],
  legitimateInterest: ["المصلحة المشروعة"],
  refuseLabels: ["رفض الكل", "رفض", "أرفض", "لا", "لا شكرا"],
  closeLabels: ["إغلاق", "اغلاق", "إخفاء"],
  limiters: ["بدون", "فقط"],
} satisfies WordingDictionary;
