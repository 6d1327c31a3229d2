// Interface strings in English and Arabic, and the language switch.
// Document content is never translated here: only labels, enums and help.
// The values of the schema's vocabularies and their English labels come from the
// server (vocabulary.js); this file adds their Arabic names, keyed by value.

import { englishLabel } from './vocabulary.js';

/** Interface strings: key → [English, Arabic]. */
const STRINGS = {
  'app.title': ['isnad', 'إسناد'],
  'app.tagline': [
    'sourced records from Arabic conflict reporting',
    'سجلات موثّقة المصادر من التغطية الإخبارية العربية للنزاعات',
  ],
  'tab.article': ['Article', 'المقال'],
  'tab.events': ['Events', 'الأحداث'],
  'tab.timeline': ['Timeline', 'الخط الزمني'],
  'tab.map': ['Map', 'الخريطة'],
  'tab.network': ['Network', 'الشبكة'],
  'tab.clusters': ['Clusters', 'المجموعات'],
  'tab.analyse': ['Analyse', 'تحليل نص'],
  'lang.switch': ['العربية', 'English'],
  'status.documents': ['documents', 'مستندات'],
  'loading': ['Loading…', 'جارٍ التحميل…'],
  'error': ['Error', 'خطأ'],
  'none': ['none', 'لا يوجد'],
  'unknown': ['unknown', 'غير معروف'],
  'yes': ['yes', 'نعم'],
  'no': ['no', 'لا'],
  'doc.pick': ['Document', 'المستند'],
  'doc.search': ['Search the corpus', 'البحث في المدوّنة'],
  'doc.search.go': ['Search', 'بحث'],
  'doc.search.none': ['No document matches.', 'لا توجد مستندات مطابقة.'],
  'doc.empty': ['The database holds no documents yet.', 'لا تحتوي قاعدة البيانات على مستندات بعد.'],
  'doc.published': ['Published', 'تاريخ النشر'],
  'doc.source': ['Source', 'المصدر'],
  'doc.id': ['Id', 'المعرّف'],
  'doc.url': ['URL', 'الرابط'],
  'doc.events': ['events', 'أحداث'],
  'doc.chars': ['characters', 'حرفًا'],
  'legend.title': ['Highlights', 'التظليل'],
  'kind.actor': ['Actors', 'الفاعلون'],
  'kind.place': ['Places', 'الأماكن'],
  'kind.time': ['Times', 'الأزمنة'],
  'kind.quantity': ['Numbers', 'الأعداد'],
  'kind.event': ['Event triggers', 'ألفاظ الأحداث'],
  'kind.source': ['Sources', 'المصادر'],
  'kind.framing': ['Loaded terms', 'ألفاظ مشحونة'],
  'kind.check': ['Checked spans', 'مواضع التحقق'],
  'panel.title': ['Details', 'التفاصيل'],
  'panel.hint': [
    'Click a highlighted span in the text to see its record.',
    'انقر على عبارة مظلّلة في النص لعرض سجلّها.',
  ],
  'panel.close': ['Close', 'إغلاق'],
  'rec.actor': ['Actor', 'فاعل'],
  'rec.place': ['Place', 'مكان'],
  'rec.time': ['Time', 'زمن'],
  'rec.quantity': ['Number', 'عدد'],
  'rec.event': ['Event', 'حدث'],
  'rec.source': ['Source', 'مصدر'],
  'rec.framing': ['Loaded term', 'لفظ مشحون'],
  'rec.check': ['Check', 'تحقق'],
  'rec.entity': ['Mention', 'ذِكر'],
  'f.text': ['As written', 'كما ورد'],
  'f.name': ['Name', 'الاسم'],
  'f.name_ar': ['Arabic name', 'الاسم العربي'],
  'f.kind': ['Kind', 'النوع'],
  'f.inter': ['ACLED actor type', 'نوع الفاعل (ACLED)'],
  'f.sector': ['Sector', 'القطاع'],
  'f.country': ['Country', 'البلد'],
  'f.id': ['Id', 'المعرّف'],
  'f.coords': ['Coordinates', 'الإحداثيات'],
  'f.level': ['Level', 'المستوى'],
  'f.admin1': ['Governorate', 'المحافظة'],
  'f.admin2': ['District', 'المديرية'],
  'f.precision': ['Precision', 'الدقة'],
  'f.pcode': ['P-code', 'الرمز (P-code)'],
  'f.resolved': ['Resolved', 'القيمة المحسوبة'],
  'f.grain': ['Grain', 'الوحدة'],
  'f.anchor': ['Anchored to', 'المرجع'],
  'f.duration': ['Duration', 'المدة'],
  'f.conflict': ['Conflict', 'تعارض'],
  'f.note': ['Note', 'ملاحظة'],
  'f.weekday': ['Weekday matches date', 'اليوم يطابق التاريخ'],
  'f.value': ['Value', 'القيمة'],
  'f.unit': ['Unit', 'المعدود'],
  'f.relation': ['Relation', 'العلاقة'],
  'f.type': ['PLOVER type', 'نوع PLOVER'],
  'f.mode': ['Mode', 'الصيغة'],
  'f.quad': ['Quad class', 'الفئة'],
  'f.acled': ['ACLED type', 'نوع ACLED'],
  'f.actors': ['Actors', 'الفاعلون'],
  'f.recipients': ['Recipients', 'المتلقّون'],
  'f.place': ['Place', 'المكان'],
  'f.time': ['Time', 'الزمن'],
  'f.counts': ['Counts', 'الأعداد'],
  'f.factuality': ['Factuality', 'درجة التحقق'],
  'f.chain': ['Attribution chain', 'سلسلة الإسناد'],
  'f.sources': ['Sources', 'المصادر'],
  'f.cue': ['Cue', 'لفظ الإسناد'],
  'f.stance': ['Stance', 'الموقف'],
  'f.basis': ['Basis', 'الأساس'],
  'f.trigger': ['Trigger', 'المُطلِق'],
  'f.status': ['Status', 'الحالة'],
  'f.message': ['Message', 'الرسالة'],
  'f.category': ['Category', 'الفئة'],
  'f.leaning': ['Leaning', 'الميل'],
  'f.gloss': ['Gloss', 'المعنى'],
  'f.date': ['Date', 'التاريخ'],
  'f.doc': ['Document', 'المستند'],
  'f.end_exclusive': ['end exclusive', 'النهاية غير مشمولة'],
  'f.evidence': ['Evidence', 'الشاهد'],
  'f.outlet': ['Outlet', 'الوسيلة'],
  'f.candidates': ['Other readings', 'قراءات أخرى'],
  'checks.title': ['Consistency checks', 'فحوص الاتساق'],
  'checks.none': ['No checks.', 'لا توجد فحوص.'],
  'framing.title': ['Framing', 'التأطير'],
  'framing.dominant': ['Dominant leaning', 'الميل الغالب'],
  'framing.by_leaning': ['By leaning', 'حسب الميل'],
  'framing.by_category': ['By category', 'حسب الفئة'],
  'framing.none': ['No loaded terms.', 'لا توجد ألفاظ مشحونة.'],
  'sourcing.title': ['Sourcing', 'المصادر'],
  'sourcing.claims': ['Claims', 'الادعاءات'],
  'sourcing.anonymous': ['Anonymous sources', 'مصادر مجهولة'],
  'sourcing.named': ['Named sources', 'مصادر مسمّاة'],
  'sourcing.official': ['Official sources', 'مصادر رسمية'],
  'sourcing.witness': ['Witnesses', 'شهود عيان'],
  'sourcing.self_citation': ["Outlet's own earlier reporting", 'تقارير سابقة للوسيلة نفسها'],
  'sourcing.outlet_only': ['Outlet only (no source)', 'الوسيلة وحدها (بلا مصدر)'],
  'filter.type': ['Type', 'النوع'],
  'filter.actor': ['Actor', 'الفاعل'],
  'filter.place': ['Place', 'المكان'],
  'filter.from': ['From', 'من'],
  'filter.to': ['To', 'إلى'],
  'filter.factuality': ['Factuality', 'درجة التحقق'],
  'filter.any': ['any', 'الكل'],
  'filter.apply': ['Apply', 'تطبيق'],
  'filter.reset': ['Reset', 'إعادة ضبط'],
  'events.count': ['events', 'حدثًا'],
  'events.none': ['No events match.', 'لا توجد أحداث مطابقة.'],
  'col.date': ['Date', 'التاريخ'],
  'col.type': ['PLOVER', 'PLOVER'],
  'col.acled': ['ACLED', 'ACLED'],
  'col.actors': ['Actors', 'الفاعلون'],
  'col.recipients': ['Recipients', 'المتلقّون'],
  'col.place': ['Place', 'المكان'],
  'col.counts': ['Counts', 'الأعداد'],
  'col.factuality': ['Factuality', 'درجة التحقق'],
  'col.sources': ['Sources', 'المصادر'],
  'col.doc': ['Document', 'المستند'],
  'timeline.hint': [
    'Bars run from the start to the end of each event; faint and hatched bars are imprecise dates, dashed outlines are dated by publication only.',
    'يمتد كل شريط من بداية الحدث إلى نهايته؛ الأشرطة الباهتة والمخطّطة تواريخ غير دقيقة، والإطار المتقطع تاريخ مأخوذ من تاريخ النشر وحده.',
  ],
  'timeline.none': ['No dated events.', 'لا توجد أحداث مؤرّخة.'],
  'map.hint': [
    'Markers: events with coordinates. Shaded: governorates and districts named as the place.',
    'العلامات: أحداث لها إحداثيات. المناطق المظلّلة: محافظات ومديريات ذُكرت مكانًا للحدث.',
  ],
  'map.attribution': [
    'Boundaries: Natural Earth (public domain); Yemen governorates and districts: CSO Yemen / OCHA (CC BY-IGO 3.0).',
    'الحدود: Natural Earth (ملكية عامة)؛ محافظات اليمن ومديرياته: الجهاز المركزي للإحصاء / أوتشا (CC BY-IGO 3.0).',
  ],
  'map.zoomin': ['Zoom in', 'تكبير'],
  'map.zoomout': ['Zoom out', 'تصغير'],
  'map.reset': ['Fit', 'ملاءمة'],
  'map.nocoords': ['events without coordinates', 'أحداث بلا إحداثيات'],
  'map.at': ['Events at', 'الأحداث في'],
  'network.hint': [
    'Edges go from actor to recipient, one per event type, coloured by PLOVER quad class. Hover a node for its Arabic name.',
    'تتجه الروابط من الفاعل إلى المتلقّي، رابط لكل نوع حدث، ملوّنة حسب فئة PLOVER. مرّر المؤشر فوق العقدة لرؤية اسمها العربي.',
  ],
  'network.none': ['No linked actors in this period.', 'لا يوجد فاعلون مرتبطون في هذه الفترة.'],
  'clusters.none': [
    'No clusters yet: `isnad ingest` computes them when it adds documents.',
    'لا توجد مجموعات بعد: يحسبها الأمر ‎`isnad ingest`‎ عند إضافة المستندات.',
  ],
  'clusters.min': ['Minimum members', 'الحد الأدنى للأعضاء'],
  'clusters.members': ['Members', 'الأعضاء'],
  'clusters.independent': ['Independent sources', 'مصادر مستقلة'],
  'clusters.origins': ['Origins', 'الأصول'],
  'clusters.contradictions': ['Contradictions', 'تناقضات'],
  'clusters.agree': ['Members agree.', 'الأعضاء متفقون.'],
  'analyse.text': ['Arabic text', 'النص العربي'],
  'analyse.published': ['Publication date', 'تاريخ النشر'],
  'analyse.title': ['Title', 'العنوان'],
  'analyse.source': ['Outlet', 'الوسيلة'],
  'analyse.file': ['Or load a .txt file', 'أو حمّل ملفًا نصيًا ‎.txt'],
  'analyse.go': ['Analyse', 'حلّل'],
  'analyse.store': ['Add to the corpus', 'أضِف إلى المدوّنة'],
  'analyse.stored': ['Stored as', 'حُفظ باسم'],
  'analyse.duplicate': ['Already stored as', 'محفوظ سابقًا باسم'],
  'analyse.placeholder': ['Paste an Arabic news report here…', 'الصق هنا خبرًا عربيًا…'],
  'analyse.hint': [
    'Relative dates (yesterday, last Monday) resolve against the publication date.',
    'تُحسب التواريخ النسبية (أمس، الاثنين الماضي) بالنسبة إلى تاريخ النشر.',
  ],
  'prec.1': ['exact', 'دقيق'],
  'prec.2': ['approximate', 'تقريبي'],
  'prec.3': ['coarse', 'عام'],
  'status.consistent': ['consistent', 'متسق'],
  'status.inconsistent': ['inconsistent', 'غير متسق'],
};

/** Arabic names of vocabulary values: list → value → name. */
const VALUES_AR = {
  plover_types: {
    AGREE: 'اتفاق', CONSULT: 'تشاور', SUPPORT: 'تأييد', CONCEDE: 'تنازل', COOPERATE: 'تعاون', AID: 'مساعدة',
    RETREAT: 'انسحاب / إفراج', REQUEST: 'طلب', ACCUSE: 'اتهام', REJECT: 'رفض', THREATEN: 'تهديد', PROTEST: 'احتجاج',
    SANCTION: 'عقوبة', MOBILIZE: 'تعبئة', COERCE: 'إكراه', ASSAULT: 'اعتداء',
  },
  quad_classes: { 1: 'تعاون لفظي', 2: 'تعاون مادي', 3: 'نزاع لفظي', 4: 'نزاع مادي' },
  acled_event_types: {
    'Battles': 'معارك', 'Explosions/Remote violence': 'انفجارات / عنف عن بعد',
    'Violence against civilians': 'عنف ضد المدنيين', 'Protests': 'احتجاجات', 'Riots': 'أعمال شغب',
    'Strategic developments': 'تطورات استراتيجية',
  },
  factuality: {
    asserted: 'مؤكَّد', probable: 'مرجَّح', possible: 'محتمل', unknown: 'غير معروف', negated: 'منفي', planned: 'مُزمَع',
  },
};

let lang = 'en';
const listeners = [];

try {
  const saved = window.localStorage.getItem('isnad.lang');
  if (saved === 'ar' || saved === 'en') lang = saved;
} catch (_) { /* storage unavailable */ }

export function currentLang() { return lang; }

/** The interface string for `key` in the current language. */
export function t(key) {
  const s = STRINGS[key];
  if (!s) return key;
  return lang === 'ar' && s[1] !== undefined ? s[1] : s[0];
}

/** A vocabulary value (`list` as in GET /api/vocabulary) in the current language. */
export function valueLabel(list, value) {
  const ar = lang === 'ar' && VALUES_AR[list] ? VALUES_AR[list][value] : undefined;
  return ar !== undefined ? ar : englishLabel(list, value);
}

/** A PLOVER type label. */
export function ploverLabel(type) { return valueLabel('plover_types', type); }

/** A PLOVER quad class (1–4) label. */
export function quadLabel(quad) { return valueLabel('quad_classes', Number(quad)); }

/** An ACLED event type in the current language. */
export function acledLabel(type) { return valueLabel('acled_event_types', type); }

/** A factuality value in the current language. */
export function factLabel(f) { return valueLabel('factuality', f); }

/** Applies the language to static markup ([data-i18n]) and the page direction. */
export function applyLang() {
  const root = document.documentElement;
  root.lang = lang;
  root.dir = lang === 'ar' ? 'rtl' : 'ltr';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  for (const el of document.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  document.title = t('app.title') + ' — ' + t('app.tagline');
}

export function setLang(next) {
  lang = next === 'ar' ? 'ar' : 'en';
  try { window.localStorage.setItem('isnad.lang', lang); } catch (_) { /* ignore */ }
  applyLang();
  for (const f of listeners) f(lang);
}

export function onLangChange(f) { listeners.push(f); }
