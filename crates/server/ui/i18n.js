// Interface strings in English and Arabic, and the language switch.
// Document content is never translated here: only labels, enums and help.

const STRINGS = {
  en: {
    'app.title': 'isnad',
    'app.tagline': 'sourced records from Arabic conflict reporting',
    'tab.article': 'Article', 'tab.events': 'Events', 'tab.timeline': 'Timeline', 'tab.map': 'Map',
    'tab.network': 'Network', 'tab.clusters': 'Clusters', 'tab.analyse': 'Analyse',
    'lang.switch': 'العربية', 'status.documents': 'documents',
    'loading': 'Loading…', 'error': 'Error', 'none': 'none', 'unknown': 'unknown', 'yes': 'yes', 'no': 'no',
    'doc.pick': 'Document', 'doc.search': 'Search the corpus', 'doc.search.go': 'Search',
    'doc.search.none': 'No document matches.', 'doc.empty': 'The database holds no documents yet.',
    'doc.published': 'Published', 'doc.source': 'Source', 'doc.id': 'Id', 'doc.url': 'URL',
    'doc.events': 'events', 'doc.chars': 'characters',
    'legend.title': 'Highlights', 'kind.actor': 'Actors', 'kind.place': 'Places', 'kind.time': 'Times',
    'kind.quantity': 'Numbers', 'kind.event': 'Event triggers', 'kind.source': 'Sources', 'kind.framing': 'Loaded terms',
    'kind.check': 'Checked spans',
    'panel.title': 'Details', 'panel.hint': 'Click a highlighted span in the text to see its record.',
    'panel.close': 'Close',
    'rec.actor': 'Actor', 'rec.place': 'Place', 'rec.time': 'Time', 'rec.quantity': 'Number', 'rec.event': 'Event',
    'rec.source': 'Source', 'rec.framing': 'Loaded term', 'rec.check': 'Check', 'rec.entity': 'Mention',
    'f.text': 'As written', 'f.name': 'Name', 'f.name_ar': 'Arabic name', 'f.kind': 'Kind', 'f.inter': 'ACLED actor type',
    'f.sector': 'Sector', 'f.country': 'Country', 'f.id': 'Id', 'f.coords': 'Coordinates', 'f.level': 'Level',
    'f.admin1': 'Governorate', 'f.admin2': 'District', 'f.precision': 'Precision', 'f.pcode': 'P-code',
    'f.resolved': 'Resolved', 'f.grain': 'Grain', 'f.anchor': 'Anchored to', 'f.duration': 'Duration',
    'f.conflict': 'Conflict', 'f.note': 'Note', 'f.weekday': 'Weekday matches date', 'f.value': 'Value',
    'f.unit': 'Unit', 'f.relation': 'Relation', 'f.type': 'PLOVER type', 'f.mode': 'Mode', 'f.quad': 'Quad class',
    'f.acled': 'ACLED type', 'f.actors': 'Actors', 'f.recipients': 'Recipients', 'f.place': 'Place', 'f.time': 'Time',
    'f.counts': 'Counts', 'f.factuality': 'Factuality', 'f.chain': 'Attribution chain', 'f.sources': 'Sources',
    'f.cue': 'Cue', 'f.stance': 'Stance', 'f.basis': 'Basis', 'f.trigger': 'Trigger', 'f.status': 'Status',
    'f.message': 'Message', 'f.category': 'Category', 'f.leaning': 'Leaning', 'f.gloss': 'Gloss', 'f.date': 'Date',
    'f.doc': 'Document', 'f.end_exclusive': 'end exclusive', 'f.evidence': 'Evidence', 'f.outlet': 'Outlet', 'f.candidates': 'Other readings',
    'checks.title': 'Consistency checks', 'checks.none': 'No checks.',
    'framing.title': 'Framing', 'framing.dominant': 'Dominant leaning', 'framing.by_leaning': 'By leaning',
    'framing.by_category': 'By category', 'framing.none': 'No loaded terms.',
    'sourcing.title': 'Sourcing', 'sourcing.claims': 'Claims', 'sourcing.anonymous': 'Anonymous sources',
    'sourcing.named': 'Named sources', 'sourcing.official': 'Official sources', 'sourcing.witness': 'Witnesses',
    'sourcing.self_citation': "Outlet's own earlier reporting", 'sourcing.outlet_only': 'Outlet only (no source)',
    'filter.type': 'Type', 'filter.actor': 'Actor', 'filter.place': 'Place', 'filter.from': 'From', 'filter.to': 'To',
    'filter.factuality': 'Factuality', 'filter.any': 'any', 'filter.apply': 'Apply', 'filter.reset': 'Reset',
    'events.count': 'events', 'events.none': 'No events match.',
    'col.date': 'Date', 'col.type': 'PLOVER', 'col.acled': 'ACLED', 'col.actors': 'Actors', 'col.recipients': 'Recipients',
    'col.place': 'Place', 'col.counts': 'Counts', 'col.factuality': 'Factuality', 'col.sources': 'Sources',
    'col.doc': 'Document',
    'timeline.hint': 'Bars run from the start to the end of each event; faint and hatched bars are imprecise dates, dashed outlines are dated by publication only.',
    'timeline.none': 'No dated events.',
    'map.hint': 'Markers: events with coordinates. Shaded: governorates and districts named as the place.',
    'map.attribution': 'Boundaries: Natural Earth (public domain); Yemen governorates and districts: CSO Yemen / OCHA (CC BY-IGO 3.0).',
    'map.zoomin': 'Zoom in', 'map.zoomout': 'Zoom out', 'map.reset': 'Fit',
    'map.nocoords': 'events without coordinates', 'map.at': 'Events at',
    'network.hint': 'Edges go from actor to recipient, one per event type, coloured by PLOVER quad class. Hover a node for its Arabic name.',
    'network.none': 'No linked actors in this period.',
    'quad.1': 'Verbal cooperation', 'quad.2': 'Material cooperation', 'quad.3': 'Verbal conflict', 'quad.4': 'Material conflict',
    'clusters.none': 'No clusters yet: `isnad ingest` computes them when it adds documents.',
    'clusters.min': 'Minimum members', 'clusters.members': 'Members', 'clusters.independent': 'Independent sources',
    'clusters.origins': 'Origins', 'clusters.contradictions': 'Contradictions', 'clusters.agree': 'Members agree.',
    'analyse.text': 'Arabic text', 'analyse.published': 'Publication date', 'analyse.title': 'Title',
    'analyse.source': 'Outlet', 'analyse.file': 'Or load a .txt file', 'analyse.go': 'Analyse',
    'analyse.store': 'Add to the corpus', 'analyse.stored': 'Stored as', 'analyse.duplicate': 'Already stored as',
    'analyse.placeholder': 'Paste an Arabic news report here…',
    'analyse.hint': 'Relative dates (yesterday, last Monday) resolve against the publication date.',
    'prec.1': 'exact', 'prec.2': 'approximate', 'prec.3': 'coarse',
    'fact.asserted': 'asserted', 'fact.probable': 'probable', 'fact.possible': 'possible', 'fact.unknown': 'unknown',
    'fact.negated': 'negated', 'fact.planned': 'planned',
    'status.consistent': 'consistent', 'status.inconsistent': 'inconsistent',
  },
  ar: {
    'app.title': 'إسناد',
    'app.tagline': 'سجلات موثّقة المصادر من التغطية الإخبارية العربية للنزاعات',
    'tab.article': 'المقال', 'tab.events': 'الأحداث', 'tab.timeline': 'الخط الزمني', 'tab.map': 'الخريطة',
    'tab.network': 'الشبكة', 'tab.clusters': 'المجموعات', 'tab.analyse': 'تحليل نص',
    'lang.switch': 'English', 'status.documents': 'مستندات',
    'loading': 'جارٍ التحميل…', 'error': 'خطأ', 'none': 'لا يوجد', 'unknown': 'غير معروف', 'yes': 'نعم', 'no': 'لا',
    'doc.pick': 'المستند', 'doc.search': 'البحث في المدوّنة', 'doc.search.go': 'بحث',
    'doc.search.none': 'لا توجد مستندات مطابقة.', 'doc.empty': 'لا تحتوي قاعدة البيانات على مستندات بعد.',
    'doc.published': 'تاريخ النشر', 'doc.source': 'المصدر', 'doc.id': 'المعرّف', 'doc.url': 'الرابط',
    'doc.events': 'أحداث', 'doc.chars': 'حرفًا',
    'legend.title': 'التظليل', 'kind.actor': 'الفاعلون', 'kind.place': 'الأماكن', 'kind.time': 'الأزمنة',
    'kind.quantity': 'الأعداد', 'kind.event': 'ألفاظ الأحداث', 'kind.source': 'المصادر', 'kind.framing': 'ألفاظ مشحونة',
    'kind.check': 'مواضع التحقق',
    'panel.title': 'التفاصيل', 'panel.hint': 'انقر على عبارة مظلّلة في النص لعرض سجلّها.',
    'panel.close': 'إغلاق',
    'rec.actor': 'فاعل', 'rec.place': 'مكان', 'rec.time': 'زمن', 'rec.quantity': 'عدد', 'rec.event': 'حدث',
    'rec.source': 'مصدر', 'rec.framing': 'لفظ مشحون', 'rec.check': 'تحقق', 'rec.entity': 'ذِكر',
    'f.text': 'كما ورد', 'f.name': 'الاسم', 'f.name_ar': 'الاسم العربي', 'f.kind': 'النوع', 'f.inter': 'نوع الفاعل (ACLED)',
    'f.sector': 'القطاع', 'f.country': 'البلد', 'f.id': 'المعرّف', 'f.coords': 'الإحداثيات', 'f.level': 'المستوى',
    'f.admin1': 'المحافظة', 'f.admin2': 'المديرية', 'f.precision': 'الدقة', 'f.pcode': 'الرمز (P-code)',
    'f.resolved': 'القيمة المحسوبة', 'f.grain': 'الوحدة', 'f.anchor': 'المرجع', 'f.duration': 'المدة',
    'f.conflict': 'تعارض', 'f.note': 'ملاحظة', 'f.weekday': 'اليوم يطابق التاريخ', 'f.value': 'القيمة',
    'f.unit': 'المعدود', 'f.relation': 'العلاقة', 'f.type': 'نوع PLOVER', 'f.mode': 'الصيغة', 'f.quad': 'الفئة',
    'f.acled': 'نوع ACLED', 'f.actors': 'الفاعلون', 'f.recipients': 'المتلقّون', 'f.place': 'المكان', 'f.time': 'الزمن',
    'f.counts': 'الأعداد', 'f.factuality': 'درجة التحقق', 'f.chain': 'سلسلة الإسناد', 'f.sources': 'المصادر',
    'f.cue': 'لفظ الإسناد', 'f.stance': 'الموقف', 'f.basis': 'الأساس', 'f.trigger': 'المُطلِق', 'f.status': 'الحالة',
    'f.message': 'الرسالة', 'f.category': 'الفئة', 'f.leaning': 'الميل', 'f.gloss': 'المعنى', 'f.date': 'التاريخ',
    'f.doc': 'المستند', 'f.end_exclusive': 'النهاية غير مشمولة', 'f.evidence': 'الشاهد', 'f.outlet': 'الوسيلة', 'f.candidates': 'قراءات أخرى',
    'checks.title': 'فحوص الاتساق', 'checks.none': 'لا توجد فحوص.',
    'framing.title': 'التأطير', 'framing.dominant': 'الميل الغالب', 'framing.by_leaning': 'حسب الميل',
    'framing.by_category': 'حسب الفئة', 'framing.none': 'لا توجد ألفاظ مشحونة.',
    'sourcing.title': 'المصادر', 'sourcing.claims': 'الادعاءات', 'sourcing.anonymous': 'مصادر مجهولة',
    'sourcing.named': 'مصادر مسمّاة', 'sourcing.official': 'مصادر رسمية', 'sourcing.witness': 'شهود عيان',
    'sourcing.self_citation': 'تقارير سابقة للوسيلة نفسها', 'sourcing.outlet_only': 'الوسيلة وحدها (بلا مصدر)',
    'filter.type': 'النوع', 'filter.actor': 'الفاعل', 'filter.place': 'المكان', 'filter.from': 'من', 'filter.to': 'إلى',
    'filter.factuality': 'درجة التحقق', 'filter.any': 'الكل', 'filter.apply': 'تطبيق', 'filter.reset': 'إعادة ضبط',
    'events.count': 'حدثًا', 'events.none': 'لا توجد أحداث مطابقة.',
    'col.date': 'التاريخ', 'col.type': 'PLOVER', 'col.acled': 'ACLED', 'col.actors': 'الفاعلون', 'col.recipients': 'المتلقّون',
    'col.place': 'المكان', 'col.counts': 'الأعداد', 'col.factuality': 'درجة التحقق', 'col.sources': 'المصادر',
    'col.doc': 'المستند',
    'timeline.hint': 'يمتد كل شريط من بداية الحدث إلى نهايته؛ الأشرطة الباهتة والمخطّطة تواريخ غير دقيقة، والإطار المتقطع تاريخ مأخوذ من تاريخ النشر وحده.',
    'timeline.none': 'لا توجد أحداث مؤرّخة.',
    'map.hint': 'العلامات: أحداث لها إحداثيات. المناطق المظلّلة: محافظات ومديريات ذُكرت مكانًا للحدث.',
    'map.attribution': 'الحدود: Natural Earth (ملكية عامة)؛ محافظات اليمن ومديرياته: الجهاز المركزي للإحصاء / أوتشا (CC BY-IGO 3.0).',
    'map.zoomin': 'تكبير', 'map.zoomout': 'تصغير', 'map.reset': 'ملاءمة',
    'map.nocoords': 'أحداث بلا إحداثيات', 'map.at': 'الأحداث في',
    'network.hint': 'تتجه الروابط من الفاعل إلى المتلقّي، رابط لكل نوع حدث، ملوّنة حسب فئة PLOVER. مرّر المؤشر فوق العقدة لرؤية اسمها العربي.',
    'network.none': 'لا يوجد فاعلون مرتبطون في هذه الفترة.',
    'quad.1': 'تعاون لفظي', 'quad.2': 'تعاون مادي', 'quad.3': 'نزاع لفظي', 'quad.4': 'نزاع مادي',
    'clusters.none': 'لا توجد مجموعات بعد: يحسبها الأمر ‎`isnad ingest`‎ عند إضافة المستندات.',
    'clusters.min': 'الحد الأدنى للأعضاء', 'clusters.members': 'الأعضاء', 'clusters.independent': 'مصادر مستقلة',
    'clusters.origins': 'الأصول', 'clusters.contradictions': 'تناقضات', 'clusters.agree': 'الأعضاء متفقون.',
    'analyse.text': 'النص العربي', 'analyse.published': 'تاريخ النشر', 'analyse.title': 'العنوان',
    'analyse.source': 'الوسيلة', 'analyse.file': 'أو حمّل ملفًا نصيًا ‎.txt', 'analyse.go': 'حلّل',
    'analyse.store': 'أضِف إلى المدوّنة', 'analyse.stored': 'حُفظ باسم', 'analyse.duplicate': 'محفوظ سابقًا باسم',
    'analyse.placeholder': 'الصق هنا خبرًا عربيًا…',
    'analyse.hint': 'تُحسب التواريخ النسبية (أمس، الاثنين الماضي) بالنسبة إلى تاريخ النشر.',
    'prec.1': 'دقيق', 'prec.2': 'تقريبي', 'prec.3': 'عام',
    'fact.asserted': 'مؤكَّد', 'fact.probable': 'مرجَّح', 'fact.possible': 'محتمل', 'fact.unknown': 'غير معروف',
    'fact.negated': 'منفي', 'fact.planned': 'مُزمَع',
    'status.consistent': 'متسق', 'status.inconsistent': 'غير متسق',
  },
};

// PLOVER event types.
const PLOVER = {
  AGREE: ['Agree', 'اتفاق'], CONSULT: ['Consult', 'تشاور'], SUPPORT: ['Support', 'تأييد'],
  CONCEDE: ['Concede', 'تنازل'], COOPERATE: ['Cooperate', 'تعاون'], AID: ['Aid', 'مساعدة'],
  RETREAT: ['Retreat / release', 'انسحاب / إفراج'], REQUEST: ['Request', 'طلب'], ACCUSE: ['Accuse', 'اتهام'],
  REJECT: ['Reject', 'رفض'], THREATEN: ['Threaten', 'تهديد'], PROTEST: ['Protest', 'احتجاج'],
  SANCTION: ['Sanction', 'عقوبة'], MOBILIZE: ['Mobilize', 'تعبئة'], COERCE: ['Coerce', 'إكراه'],
  ASSAULT: ['Assault', 'اعتداء'],
};

const ACLED = {
  'Battles': 'معارك', 'Explosions/Remote violence': 'انفجارات / عنف عن بعد',
  'Violence against civilians': 'عنف ضد المدنيين', 'Protests': 'احتجاجات', 'Riots': 'أعمال شغب',
  'Strategic developments': 'تطورات استراتيجية',
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
  const s = STRINGS[lang][key];
  return s === undefined ? (STRINGS.en[key] ?? key) : s;
}

/** A PLOVER type label. */
export function ploverLabel(type) {
  const p = PLOVER[type];
  return p ? p[lang === 'ar' ? 1 : 0] : type;
}

/** An ACLED event type in the current language. */
export function acledLabel(type) {
  return lang === 'ar' && ACLED[type] ? ACLED[type] : type;
}

/** A factuality value in the current language. */
export function factLabel(f) { return t('fact.' + f); }

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
