// Demo resource library: fifteen items of every kind in Italian, English and Arabic, a few with real small
// PDFs (text extracted at once, so search inside them works from the first start), and two collections.
import PDFDocument from 'pdfkit';
import type { Tx } from '../db/database.js';
import type { FileStore } from '../modules/files/file-store.js';
import { extractText } from '../modules/resources/resources.extract.js';
import { refreshSearch } from '../modules/resources/resources.repository.js';

type Item = {
  kind: string;
  title: Record<string, string>;
  summary: Record<string, string>;
  language: string;
  fields: string[];
  tags: string[];
  visibility?: 'public' | 'members' | 'programme';
  matching?: boolean;
  link?: string;
  pdf?: string;
  downloads: number;
};

const ITEMS: Item[] = [
  {
    kind: 'toolkit',
    title: {
      it: 'Toolkit Community Matching',
      en: 'Community Matching toolkit',
      ar: 'حقيبة أدوات Community Matching',
    },
    summary: {
      it: 'Strumenti per avviare un percorso di sei mesi tra persone rifugiate e volontari del territorio.',
      en: 'Tools to start a six-month pathway pairing refugees with local volunteers.',
      ar: 'أدوات لبدء مسار مدته ستة أشهر يجمع اللاجئين بمتطوعين محليين.',
    },
    language: 'it',
    fields: ['community_matching', 'reception'],
    tags: ['metodologia', 'volontariato'],
    matching: true,
    pdf: 'Toolkit Community Matching. Il percorso dura sei mesi: conoscenza, abbinamento, incontri mensili, valutazione finale. Il facilitatore cura la supervisione degli abbinamenti.',
    downloads: 142,
  },
  {
    kind: 'advocacy_kit',
    title: { it: 'Kit di advocacy per gli enti locali', en: 'Advocacy kit for local authorities' },
    summary: {
      it: 'Argomenti, dati e modelli di delibera per proporre la metodologia ai comuni.',
      en: 'Arguments, data and draft resolutions to propose the method to municipalities.',
    },
    language: 'it',
    fields: ['advocacy', 'community_matching'],
    tags: ['comuni', 'delibera'],
    matching: true,
    pdf: 'Kit di advocacy. Proposta di delibera comunale per aderire alla rete e sostenere i percorsi di inclusione sociale.',
    downloads: 57,
  },
  {
    kind: 'factsheet',
    title: {
      it: 'Scheda: il permesso di soggiorno per protezione speciale',
      en: 'Factsheet: special protection permit',
    },
    summary: {
      it: 'Chi può chiederlo, durata, conversione in permesso per lavoro.',
      en: 'Who can apply, duration, conversion.',
    },
    language: 'it',
    fields: ['legal_aid'],
    tags: ['permesso', 'diritto'],
    pdf: 'Protezione speciale: durata di due anni, rinnovabile, convertibile in permesso per motivi di lavoro.',
    downloads: 311,
  },
  {
    kind: 'factsheet',
    title: {
      it: 'Scheda: iscrizione al Servizio sanitario nazionale',
      ar: 'نشرة: التسجيل في الخدمة الصحية الوطنية',
    },
    summary: {
      it: 'Passi per l’iscrizione e la scelta del medico di base.',
      ar: 'خطوات التسجيل واختيار طبيب الأسرة.',
    },
    language: 'ar',
    fields: ['health'],
    tags: ['sanità', 'medico'],
    downloads: 98,
  },
  {
    kind: 'factsheet',
    title: { it: 'Scheda: cercare casa in affitto', en: 'Factsheet: renting a home' },
    summary: {
      it: 'Contratti, garanzie e sportelli di mediazione abitativa.',
      en: 'Contracts, guarantees and housing help desks.',
    },
    language: 'en',
    fields: ['housing'],
    tags: ['casa', 'affitto'],
    downloads: 76,
  },
  {
    kind: 'report',
    title: { it: 'Rapporto annuale della rete 2025', en: 'Network annual report 2025' },
    summary: {
      it: 'Attività, organizzazioni aderenti, persone accompagnate e risultati dell’anno.',
      en: 'Activities, member organisations, people accompanied and results of the year.',
    },
    language: 'it',
    fields: ['research'],
    tags: ['rapporto', 'impatto'],
    pdf: 'Rapporto annuale 2025. Nel corso dell’anno la rete ha accompagnato oltre mille persone in quaranta città.',
    downloads: 64,
  },
  {
    kind: 'report',
    title: { it: 'Valutazione dei percorsi di abbinamento', en: 'Evaluation of matching pathways' },
    summary: { it: 'Risultati della valutazione su 120 coppie.', en: 'Evaluation results over 120 pairs.' },
    language: 'en',
    fields: ['community_matching', 'research'],
    tags: ['valutazione'],
    visibility: 'members',
    downloads: 23,
  },
  {
    kind: 'template',
    title: { it: 'Modello di patto di collaborazione', en: 'Collaboration agreement template' },
    summary: {
      it: 'Testo base da adattare tra associazione e comune.',
      en: 'Base text to adapt between association and municipality.',
    },
    language: 'it',
    fields: ['advocacy'],
    tags: ['modello', 'patto'],
    downloads: 45,
  },
  {
    kind: 'template',
    title: { it: 'Modulo di rendicontazione degli indicatori', en: 'Indicator reporting form' },
    summary: {
      it: 'Il foglio per raccogliere i dati semestrali.',
      en: 'The sheet to collect half-year data.',
    },
    language: 'it',
    fields: ['research'],
    tags: ['indicatori'],
    visibility: 'members',
    downloads: 38,
  },
  {
    kind: 'training_material',
    title: { it: 'Slide del corso base di accoglienza', en: 'Slides of the basic reception course' },
    summary: {
      it: 'Materiale delle tre sessioni del corso base.',
      en: 'Material of the three sessions of the basic course.',
    },
    language: 'it',
    fields: ['reception', 'education'],
    tags: ['formazione'],
    pdf: 'Corso base di accoglienza. Sessione uno: ascolto attivo. Sessione due: orientamento ai servizi. Sessione tre: mediazione interculturale.',
    downloads: 120,
  },
  {
    kind: 'training_material',
    title: { it: 'Guida per i facilitatori', en: 'Facilitators’ guide', ar: 'دليل الميسّرين' },
    summary: {
      it: 'Come condurre gli incontri di gruppo del percorso.',
      en: 'How to run the group meetings of the pathway.',
      ar: 'كيفية إدارة اللقاءات الجماعية في المسار.',
    },
    language: 'it',
    fields: ['community_matching'],
    tags: ['facilitazione'],
    visibility: 'programme',
    matching: true,
    downloads: 31,
  },
  {
    kind: 'recording',
    title: { it: 'Webinar: lavorare con i comuni', en: 'Webinar: working with municipalities' },
    summary: { it: 'Registrazione del webinar di febbraio.', en: 'Recording of the February webinar.' },
    language: 'it',
    fields: ['advocacy'],
    tags: ['webinar'],
    link: 'https://video.example.org/trama/webinar-comuni',
    downloads: 0,
  },
  {
    kind: 'recording',
    title: { it: 'Giornata di scambio: le voci delle associazioni', ar: 'يوم التبادل: أصوات الجمعيات' },
    summary: { it: 'Gli interventi della giornata nazionale.', ar: 'مداخلات اليوم الوطني.' },
    language: 'ar',
    fields: ['culture'],
    tags: ['evento'],
    link: 'https://video.example.org/trama/giornata-scambio',
    downloads: 0,
  },
  {
    kind: 'other',
    title: { it: 'Glossario dell’accoglienza', en: 'Reception glossary', ar: 'مسرد مصطلحات الاستقبال' },
    summary: {
      it: 'Termini frequenti in italiano, inglese e arabo.',
      en: 'Frequent terms in Italian, English and Arabic.',
      ar: 'مصطلحات شائعة بالإيطالية والإنجليزية والعربية.',
    },
    language: 'other',
    fields: ['language_learning'],
    tags: ['glossario', 'lingua'],
    downloads: 205,
  },
  {
    kind: 'factsheet',
    title: { it: 'Scheda: lavoro e tirocini', en: 'Factsheet: work and internships' },
    summary: {
      it: 'Centri per l’impiego, tirocini extracurricolari, riconoscimento titoli.',
      en: 'Job centres, internships, recognition of qualifications.',
    },
    language: 'it',
    fields: ['work'],
    tags: ['lavoro', 'tirocinio'],
    pdf: 'Lavoro e tirocini: il centro per l’impiego registra la disponibilità; il tirocinio extracurricolare dura fino a dodici mesi.',
    downloads: 87,
  },
];

function pdfWith(title: string, text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ info: { Title: title } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    // Standard fonts are Latin-1: the demo PDFs are written in Italian.
    doc.fontSize(18).text([...title].filter((ch) => (ch.codePointAt(0) ?? 0) <= 0xff).join(''));
    doc.moveDown().fontSize(11).text(text.replace(/’/g, "'"));
    doc.end();
  });
}

export async function insertDemoResources(
  tx: Tx,
  opts: { now: Date; staffUserId: string; files: FileStore; matchingProgrammeId: string },
): Promise<void> {
  const ids: string[] = [];
  for (const [i, item] of ITEMS.entries()) {
    const at = new Date(opts.now.getTime() - (ITEMS.length - i) * 3 * 86_400_000);
    const row = await tx
      .insertInto('resources')
      .values({
        kind: item.kind,
        title: JSON.stringify(item.title),
        summary: JSON.stringify(item.summary),
        language: item.language,
        fields: item.fields,
        tags: item.tags,
        programme_id: item.matching ? opts.matchingProgrammeId : null,
        organisation_id: null,
        visibility: item.visibility ?? 'public',
        status: 'published',
        link_url: item.link ?? null,
        created_by: opts.staffUserId,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
    if (item.downloads > 0)
      await tx
        .updateTable('resources')
        .set({ download_count: item.downloads } as never)
        .where('id', '=', row.id)
        .execute();
    if (item.pdf) {
      const data = await pdfWith(item.title.it ?? '', item.pdf);
      const stored = await opts.files.put(data, 'pdf');
      const file = await tx
        .insertInto('files')
        .values({
          purpose: 'resource',
          content_type: 'application/pdf',
          size_bytes: stored.size,
          sha256: stored.sha256,
          storage_key: stored.storageKey,
          width: null,
          height: null,
          created_by: opts.staffUserId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const text = await extractText(data, 'application/pdf');
      const version = await tx
        .insertInto('resource_versions')
        .values({
          resource_id: row.id,
          number: 1,
          file_id: file.id,
          filename: `${(item.title.it ?? 'documento')
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .slice(0, 60)}.pdf`,
          content_type: 'application/pdf',
          size_bytes: stored.size,
          sha256: stored.sha256,
          note: 'Prima edizione',
          extracted_text: text.text,
          extraction_error: text.error,
          extracted_at: at,
          created_by: opts.staffUserId,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .updateTable('resources')
        .set({ current_version_id: version.id })
        .where('id', '=', row.id)
        .execute();
    }
    await refreshSearch(tx, row.id);
  }
  const collections = [
    {
      title: {
        it: 'Community Matching Toolkit',
        en: 'Community Matching Toolkit',
        ar: 'حقيبة Community Matching',
      },
      items: [0, 1, 10, 6],
    },
    { title: { it: 'Schede informative', en: 'Factsheets', ar: 'نشرات المعلومات' }, items: [2, 3, 4, 14] },
  ];
  for (const [position, c] of collections.entries()) {
    const col = await tx
      .insertInto('resource_collections')
      .values({ title: JSON.stringify(c.title), description: JSON.stringify({}), position })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('resource_collection_items')
      .values(c.items.map((n, i) => ({ collection_id: col.id, resource_id: ids[n] as string, position: i })))
      .execute();
  }
}
