// Demo forum: a members' community of practice (an answered question, an open one, a pinned introduction
// thread, a work deposit), a public notice board, and a space restricted to one project's partners.
import { sql } from 'kysely';
import type { Tx } from '../db/database.js';
import { plainText, renderPost } from '../modules/forum/forum.markdown.js';
import * as repo from '../modules/forum/forum.repository.js';

const HOUR = 60 * 60 * 1000;

type Spec = {
  space: string;
  kind: 'discussion' | 'question' | 'deposit';
  title: string;
  lessons?: { context: string; whatWeDid: string; whatWorked: string; whatDidNot: string };
  pinned?: boolean;
  /** [author email, Markdown, hours ago] */
  posts: Array<[string, string, number]>;
  /** Index in posts of the accepted answer. */
  accepted?: number;
};

export async function insertDemoForum(
  tx: Tx,
  opts: { now: Date; staffUserId: string; programmeId: string | null },
): Promise<void> {
  const { now } = opts;
  const people = await tx
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('email', 'like', '%@demo.trama.it')
    .execute();
  const id = (email: string) => people.find((p) => p.email === email)?.id;
  const expert = id('expert@demo.trama.it');
  const orgAdmin = id('orgadmin@demo.trama.it');
  const operator = id('operator@demo.trama.it');
  if (!expert || !orgAdmin || !operator) return;
  const org = await tx
    .selectFrom('organisation_members')
    .select('organisation_id')
    .where('user_id', '=', orgAdmin)
    .where('role', '=', 'org_admin')
    .executeTakeFirst();

  const space = async (
    slug: string,
    access: string,
    name: Record<string, string>,
    description: Record<string, string>,
    programmeId: string | null,
  ) => {
    const row = await tx
      .insertInto('forum_spaces')
      .values({
        slug,
        access,
        name: JSON.stringify(name),
        description: JSON.stringify(description),
        programme_id: programmeId,
        hold_first_posts: true,
        created_by: opts.staffUserId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const practice = await space(
    'pratiche',
    'members',
    { it: 'Comunità di pratica', en: 'Community of practice', ar: 'مجتمع الممارسة' },
    {
      it: 'Domande agli esperti, esperienze dei progetti e lavori da condividere tra le organizzazioni della rete.',
      en: 'Questions to the experts, project experiences and work to share among the network’s organisations.',
      ar: 'أسئلة للخبراء وتجارب المشاريع وأعمال للمشاركة بين منظمات الشبكة.',
    },
    opts.programmeId,
  );
  const board = await space(
    'bacheca',
    'public',
    { it: 'Bacheca della rete', en: 'Network notice board', ar: 'لوحة إعلانات الشبكة' },
    {
      it: 'Avvisi e novità aperti a tutti; scrivono le organizzazioni socie.',
      en: 'Notices and news open to everyone; member organisations write here.',
      ar: 'إعلانات وأخبار مفتوحة للجميع؛ تكتب هنا المنظمات الأعضاء.',
    },
    null,
  );
  const restricted = await space(
    'community-matching-progetti',
    'restricted',
    {
      it: 'Community Matching – progetti e partner',
      en: 'Community Matching – projects and partners',
      ar: 'التوفيق المجتمعي – المشاريع والشركاء',
    },
    {
      it: 'Spazio riservato ai progetti finanziati e ai loro partner: supervisioni, scadenze, materiali interni.',
      en: 'Reserved for the funded projects and their partners: supervision, deadlines, internal material.',
      ar: 'مساحة مخصصة للمشاريع الممولة وشركائها: الإشراف والمواعيد والمواد الداخلية.',
    },
    opts.programmeId,
  );
  await repo.replaceSpaceLists(tx, practice, { moderatorIds: [opts.staffUserId] });
  await repo.replaceSpaceLists(tx, board, { moderatorIds: [opts.staffUserId] });
  await repo.replaceSpaceLists(tx, restricted, {
    moderatorIds: [expert],
    organisationIds: org ? [org.organisation_id] : [],
    userIds: [],
  });

  const staffEmail = people.find((p) => p.id === opts.staffUserId)?.email ?? 'staff@demo.trama.it';
  const specs: Spec[] = [
    {
      space: practice,
      kind: 'discussion',
      title: 'Presentiamoci: chi siamo e su cosa lavoriamo',
      pinned: true,
      posts: [
        [
          staffEmail,
          'Benvenute e benvenuti nella comunità di pratica! Scrivete qui **chi siete**, in quale territorio lavorate e su quale tema vorreste confrontarvi con le altre organizzazioni.',
          24 * 40,
        ],
        [
          'orgadmin@demo.trama.it',
          'Siamo un’associazione di Roma Est: seguiamo l’accoglienza diffusa e da quest’anno il *Community Matching* con 30 coppie tra volontari e persone rifugiate.',
          24 * 39,
        ],
        [
          'operator@demo.trama.it',
          'Lavoro come operatrice nello stesso progetto. Mi interessa molto confrontarmi sulla **formazione dei volontari** prima del primo incontro.',
          24 * 38,
        ],
        [
          'expert@demo.trama.it',
          'Seguo la supervisione dei progetti del bando. Qui trovate anche il [toolkit del Community Matching](/resources) nella biblioteca.',
          24 * 37,
        ],
      ],
    },
    {
      space: practice,
      kind: 'question',
      title: 'Come preparare i volontari al primo incontro con la famiglia abbinata?',
      posts: [
        [
          'orgadmin@demo.trama.it',
          'Nel nostro progetto alcuni abbinamenti si sono interrotti dopo il primo incontro. Avete un **percorso di preparazione** per i volontari che funziona? Quante ore, con quali contenuti?',
          24 * 20,
        ],
        ['operator@demo.trama.it', 'Noi facciamo un incontro di due ore, ma credo non basti.', 24 * 19],
        [
          'expert@demo.trama.it',
          'Consiglio tre momenti:\n\n1. **Formazione iniziale** (4 ore): ruolo del volontario, confini della relazione, diritti e servizi del territorio;\n2. **Incontro di conoscenza** accompagnato dall’operatore, in un luogo neutro;\n3. **Supervisione di gruppo** mensile nei primi tre mesi.\n\nLe interruzioni calano molto quando le aspettative sono chiarite *prima* dell’abbinamento.',
          24 * 18,
        ],
        ['orgadmin@demo.trama.it', 'Grazie, proviamo già dal prossimo gruppo di abbinamenti.', 24 * 17],
      ],
      accepted: 2,
    },
    {
      space: practice,
      kind: 'question',
      title: 'Esiste un modello di patto di collaborazione con il Comune?',
      posts: [
        [
          'operator@demo.trama.it',
          'Il nostro Comune ci chiede un **patto di collaborazione** per usare una sala per gli incontri di gruppo. Qualcuno ha un modello già approvato da condividere?',
          30,
        ],
      ],
    },
    {
      space: practice,
      kind: 'deposit',
      title: 'Sportello di orientamento al lavoro: cosa abbiamo imparato in un anno',
      lessons: {
        context:
          'Quartiere con molte persone titolari di protezione internazionale senza contatti con i servizi per l’impiego.',
        whatWeDid:
          'Uno sportello settimanale con due volontari formati e un’operatrice, in collaborazione con il centro per l’impiego.',
        whatWorked:
          'Gli appuntamenti fissati via messaggio vocale in lingua madre; la presenza di un mediatore il primo giorno.',
        whatDidNot:
          'Gli orari del mattino: chi lavora a giornata non riusciva a venire. Li abbiamo spostati al tardo pomeriggio.',
      },
      posts: [
        [
          'orgadmin@demo.trama.it',
          'In allegato al prossimo incontro porteremo la scheda di accoglienza che usiamo allo sportello.',
          24 * 10,
        ],
        ['expert@demo.trama.it', 'Ottimo lavoro: la parte sugli orari è utile a molti progetti.', 24 * 9],
      ],
    },
    {
      space: board,
      kind: 'discussion',
      title: 'Benvenuti nel forum della rete',
      pinned: true,
      posts: [
        [
          staffEmail,
          'Questo spazio è aperto a tutti: qui pubblichiamo avvisi e novità. Le organizzazioni socie possono rispondere e proporre temi.',
          24 * 45,
        ],
      ],
    },
    {
      space: restricted,
      kind: 'discussion',
      title: 'Calendario delle supervisioni di gruppo 2027',
      posts: [
        [
          'expert@demo.trama.it',
          'Propongo supervisioni di gruppo il **secondo martedì del mese**, online, dalle 15 alle 17. Ditemi se ci sono sovrapposizioni con le vostre attività.',
          24 * 6,
        ],
        [
          'orgadmin@demo.trama.it',
          'Per noi va bene; a gennaio però siamo chiusi la prima settimana.',
          24 * 5,
        ],
      ],
    },
  ];

  for (const s of specs) {
    const [first] = s.posts;
    if (!first) continue;
    const authorOf = (email: string) => id(email) ?? opts.staffUserId;
    const threadId = await repo.insertThread(tx, {
      spaceId: s.space,
      kind: s.kind,
      title: s.title,
      lessons: s.lessons ?? null,
      authorId: authorOf(first[0]),
      status: 'visible',
    });
    const postIds: string[] = [];
    for (const [i, [email, md, hoursAgo]] of s.posts.entries()) {
      const seq = await repo.nextSeq(tx, threadId, { visible: true, reply: i > 0 });
      const at = new Date(now.getTime() - hoursAgo * HOUR);
      const pid = await repo.insertPost(tx, {
        threadId,
        seq,
        authorId: authorOf(email),
        status: 'visible',
        body: md,
        html: renderPost(md),
        plain: plainText(md),
      });
      await sql`update forum_posts set created_at = date_trunc('milliseconds', ${at}::timestamptz) where id = ${pid}`.execute(
        tx,
      );
      await sql`update forum_threads set last_post_at = date_trunc('milliseconds', ${at}::timestamptz)
        ${i === 0 ? sql`, created_at = date_trunc('milliseconds', ${at}::timestamptz)` : sql``}
        where id = ${threadId}`.execute(tx);
      await repo.watchIfUnset(tx, authorOf(email), threadId, 'daily');
      postIds.push(pid);
    }
    await repo.updateThread(tx, threadId, {
      pinned: s.pinned ?? false,
      accepted_post_id: s.accepted !== undefined ? (postIds[s.accepted] ?? null) : null,
    });
    await repo.refreshThreadSearch(tx, threadId);
  }
}
