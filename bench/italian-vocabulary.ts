// A vocabulary of Italian words about migration and inclusion work, for the forum and search benchmarks:
// base words written out here, inflected forms (plurals, the four forms of adjectives, a few persons and
// the participle and gerund of verbs) derived by rule, a few thousand distinct words in all. The order is
// the frequency rank the generators give them (Zipf-like: the word of rank r is drawn with probability
// about 1/r): function words first, then base forms, then the other inflections, then rare names.
// Some entries are fixed phrases ("permesso di soggiorno"), drawn as one word, so phrase searches match.

const words = (s: string) => s.split(/\s+/).filter(Boolean);

const FUNCTION_WORDS = words(`
  di e il la che a in per un non con del è una le della i si da al dei nel sono alla gli delle anche
  ma come più o ha lo questo questa su nella ci hanno ancora sul dalla tra loro se quando molto essere
  noi perché poi dove ogni già tutti tutte dopo prima così quindi mentre degli negli sulla nostro nostra
  nostri altre altri stato stata fare può possono abbiamo siamo era qualche ciascuno senza verso contro
`);

/** Nouns, singular; "singolare|plurale" where the rule would be wrong, "-" for no plural. */
const NOUNS = words(`
  accoglienza integrazione lavoro casa corso progetto rete servizio comunità persona famiglia
  permesso soggiorno documento lingua scuola formazione tirocinio mediatore|mediatori mediazione
  associazione cooperativa comune questura prefettura sportello operatore|operatori volontario
  rifugiato richiedente|richiedenti protezione asilo domanda ricorso commissione audizione
  cittadinanza residenza anagrafe iscrizione tessera sanità salute medico|medici ospedale consultorio
  bambino ragazzo ragazza donna uomo|uomini giovane minore madre padre figlio figlia genitore
  alloggio affitto contratto proprietario|proprietari appartamento stanza quartiere città|- territorio
  regione provincia|province paese|paesi origine viaggio arrivo sbarco frontiera confine porto
  bando finanziamento fondo budget|- rendicontazione spesa fattura indicatore valutazione monitoraggio
  obiettivo risultato attività|- incontro evento riunione laboratorio workshop|- seminario webinar|-
  esperienza storia racconto testimonianza percorso tappa passaggio pratica metodologia metodo modello
  strumento toolkit|- guida manuale scheda modulo questionario intervista focus|- gruppo partner|-
  ente istituzione scuola università|- ricerca dato analisi|- rapporto relazione documentazione
  diritto dovere legge decreto norma regolamento circolare procedura termine scadenza appuntamento
  lavoratore|lavoratori datore|datori azienda impresa settore agricoltura edilizia ristorazione
  assistenza cura badante|badanti pulizia magazzino turno stipendio salario busta|buste contributo
  competenza abilità|- qualifica titolo diploma laurea riconoscimento equipollenza traduzione
  interprete|interpreti traduttore|traduttori parola frase lezione classe livello esame certificato
  insegnante|insegnanti docente|docenti studente|studenti allievo tutor|- mentore|mentori mentoring|-
  supervisione coordinamento coordinatore|coordinatori responsabile|responsabili referente|referenti
  staff|- équipe|- sede ufficio telefono mail|- messaggio avviso comunicazione newsletter|- sito pagina
  forum|- discussione domanda risposta commento proposta idea soluzione problema difficoltà|- bisogno
  risorsa opportunità|- orientamento accompagnamento sostegno aiuto supporto ascolto fiducia relazione
  vulnerabilità|- trauma disagio benessere psicologo|psicologi psicologa terapia salute cura vaccino
  visita farmaco|farmaci ricetta pronto|- soccorso emergenza|- inverno freddo coperta|coperte pasto mensa
  cibo vestito|vestiti scarpa|scarpe zaino dormitorio centro struttura posto letto ospite|ospiti
  minore|minori tutela tutore|tutori affido adozione ricongiungimento visto ambasciata consolato
  nazionalità|- apolide|apolidi status|- protezione sussidiaria speciale|- espulsione trattenimento
  udienza tribunale giudice|giudici avvocato|avvocati avvocata patrocinio gratuito|- ricorso sentenza
  diritto|diritti discriminazione razzismo pregiudizio stereotipo inclusione partecipazione cittadino
  volontariato solidarietà|- dono raccolta donazione campagna sensibilizzazione advocacy|- politica
  amministrazione consiglio assessore|assessori sindaco|sindaci municipio assemblea voto delegato
  consultazione matrice punteggio fonte|fonti priorità|- tema argomento area ambito campo settore
  abitazione abitare|- coabitazione convivenza vicinato vicino|vicini condominio portineria chiave|chiavi
  bicicletta|biciclette autobus|- treno biglietto abbonamento patente|patenti guida strada mappa
  banca|banche conto carta|carte codice|codici fiscale|- spid|- identità|- firma copia modulo allegato
  fotografia|fotografie video|- audio|- registrazione presentazione slide|- lavagna quaderno libro
  biblioteca|biblioteche spazio tempo giorno settimana mese anno|anni estate|- autunno|- primavera|-
  mattina pomeriggio sera orario calendario data edizione programma|programmi componente|componenti
  consorzio|consorzi coprogettazione capofila|- partenariato accordo protocollo convenzione firma
  impatto cambiamento crescita sviluppo sostenibilità|- futuro|- speranza paura rabbia gioia festa
  cucina ricetta piatto mercato negozio commercio artigianato sartoria musica teatro sport|- calcio
  squadra partita allenamento palestra piscina parco giardino orto terra|- semina raccolto
  sindacato patronato|patronati agenzia collocamento disoccupazione reddito sussidio assegno pensione
  invalidità|- disabilità|- barriera ostacolo rampa ascensore sedia|sedie tavolo tavola tavolata
  colloquio curriculum|- candidatura offerta annuncio selezione prova periodo straordinario|- ferie|-
  malattia infortunio sicurezza|- casco cantiere serra campagna|campagne bracciante|braccianti caporale
  caporalato sfruttamento tratta vittima denuncia segnalazione polizia|- carabiniere|carabinieri
  controllo verifica requisito fotocopia marca|marche bollo ricevuta bolletta|bollette utenza
  luce|luci acqua gas|- riscaldamento caldaia cucina frigorifero lavatrice letto|letti materasso
  scuola|scuole asilo|asili nido mensa|mense pulmino compito|compiti pagella colloquio doposcuola|-
  adolescente|adolescenti maestra maestro preside|presidi mamma|mamme papà|- nonno nonna fratello sorella
  cugino zio|zii marito moglie|mogli coppia matrimonio nascita nome|nomi cognome età|- compleanno
  religione moschea chiesa|chiese tempio preghiera ramadan|- natale|- pasqua|- tradizione cultura
  dialetto alfabeto grammatica pronuncia vocabolario ascolto lettura scrittura conversazione dettato
  alfabetizzazione certificazione|- livello|livelli principiante|principianti avanzato|avanzati
  giornata convegno assemblea plenaria tavolo|tavoli gruppo|gruppi sottogruppo facilitatore|facilitatori
  facilitazione restituzione verbale|verbali sintesi|- slide|- poster|- locandina volantino manifesto
  sondaggio|sondaggi statistica grafico|grafici tabella|tabelle percentuale numero|numeri totale|totali
  mappatura buona|- prassi|- lezione|lezioni apprendimento scambio visita|visite gemellaggio rete|reti
  nodo sportello|sportelli presidio|presidi unità|- équipe|- turnazione reperibilità|- urgenza chiamata
  numero|- verde|- linea|linee emergenza|- freddo|- caldo|- ondata|ondate estate|- fame|- sete|- sonno|-
`);

/** Adjectives in the masculine singular (-o: four forms, -e: two); "x|-" for invariable ones. */
const ADJECTIVES = words(`
  nuovo sociale locale nazionale regionale comunale pubblico|pubblici privato straniero italiano
  internazionale umanitario legale giuridico|giuridici amministrativo sanitario scolastico|scolastici
  culturale interculturale linguistico|linguistici professionale lavorativo abitativo economico|economici
  psicologico|psicologici educativo formativo territoriale europeo vulnerabile fragile accogliente
  gratuito utile necessario importante possibile difficile facile semplice chiaro completo breve lungo
  primo secondo ultimo prossimo diverso comune|comuni stesso altro piccolo grande giovane anziano
  minorenne maggiorenne regolare irregolare temporaneo permanente stagionale precario stabile
  disponibile pronto aperto chiuso attivo positivo negativo concreto pratico|pratici operativo
  partecipato condiviso comunitario|comunitari collettivo individuale personale familiare quotidiano
  settimanale mensile annuale straordinario urgente prioritario efficace inclusivo accessibile
  plurilingue multiculturale|- digitale online|- presenziale|presenziali virtuale rurale urbano
  periferico|periferici centrale solidale responsabile|responsabili coerente sostenibile informale
  formale ufficiale riconosciuto qualificato specializzato esperto competente fiducioso preoccupato
  stanco contento felice triste arrabbiato solo insieme|- lontano vicino|vicini sicuro ricco|ricchi povero
  bello brutto buono cattivo caldo freddo pieno vuoto libero occupato giusto sbagliato vero falso
  ordinato veloce lento alto basso forte debole nero bianco rosso verde|verdi giallo azzurro caro
  economico|economici costoso faticoso pericoloso tranquillo rumoroso pulito sporco nascosto visibile
  invisibile ospitale isolato connesso|connessi digitale analogico|analogici sperimentale innovativo
  tradizionale religioso laico|laici medio|medi minimo massimo intero parziale mancante sufficiente
`);

/**
 * Verbs in the infinitive; "verbo:participio" for irregular participles, a trailing "+" for -isc- verbs and
 * "!" for irregular verbs, of which only the infinitive and the participle are used.
 */
const VERBS = words(`
  accogliere:accolto lavorare parlare imparare insegnare aiutare sostenere:sostenuto orientare
  accompagnare presentare chiedere:chiesto rispondere:risposto trovare cercare pagare firmare rinnovare
  rilasciare ottenere:ottenuto perdere:perso iscrivere:iscritto frequentare partecipare organizzare
  incontrare ascoltare raccontare capire+ spiegare tradurre:tradotto scrivere:scritto leggere:letto
  compilare consegnare inviare ricevere:ricevuto prenotare aspettare attendere:atteso arrivare partire
  tornare restare vivere:vissuto abitare affittare cambiare costruire+ progettare coprogettare valutare
  monitorare misurare raccogliere:raccolto condividere:condiviso pubblicare scaricare caricare
  collaborare coordinare gestire+ finanziare rendicontare segnalare moderare discutere:discusso
  proporre:proposto decidere:deciso votare scegliere:scelto formare informare sensibilizzare
  includere:incluso integrare inserire+ assumere:assunto licenziare retribuire+ contrattare
  tutelare difendere:difeso proteggere:protetto garantire+ riconoscere:riconosciuto certificare
  studiare superare preparare ripetere esercitare praticare migliorare crescere:cresciuto sviluppare
  curare visitare vaccinare prescrivere:prescritto accedere:acceduto usare utilizzare
  mediare facilitare favorire+ promuovere:promosso diffondere:diffuso comunicare invitare
  ringraziare salutare conoscere:conosciuto sapere:saputo! potere:potuto! dovere:dovuto! volere:voluto!
  mettere:messo prendere:preso dare:dato! dire:detto! fare:fatto! vedere:visto venire:venuto! andare:andato!
  portare lasciare pensare sentire credere provare passare entrare uscire:uscito seguire offrire:offerto
  aprire:aperto chiudere:chiuso risolvere:risolto affrontare superare accettare rifiutare ricorrere:ricorso
  candidare selezionare assistere:assistito denunciare segnalare controllare verificare fotocopiare
  stampare allegare correggere:corretto ripassare ascoltare pronunciare conversare dettare alfabetizzare
  mappare scambiare gemellare animare facilitare restituire+ sintetizzare tabulare contare calcolare
  registrare archiviare conservare cancellare modificare aggiornare ricordare dimenticare notare
  festeggiare cucinare mangiare bere:bevuto dormire:dormito camminare correre:corso giocare allenare
  vincere:vinto guadagnare risparmiare spendere:speso prestare restituire+ affidare adottare nascere:nato
  sposare separare trasferire+ traslocare spostare viaggiare sbarcare attraversare fuggire:fuggito
  salvare soccorrere:soccorso ospitare riposare lavare pulire+ riparare dipingere:dipinto coltivare
`);

/** Fixed phrases, drawn as one word so phrase queries find them. */
const PHRASES = [
  'permesso di soggiorno',
  'protezione internazionale',
  'richiedente asilo',
  'mediazione culturale',
  'corso di italiano',
  'codice fiscale',
  'tessera sanitaria',
  'ricongiungimento familiare',
  'minori stranieri non accompagnati',
  'centro di accoglienza',
  'sportello unico',
  'carta di identità',
  'contratto di lavoro',
  'ricerca della casa',
  'community matching',
  'terzo settore',
];

/** Rare words at the very end of the ranking: places and names that few texts mention. */
const RARE = words(`
  lampedusa ventimiglia pozzallo trieste gorizia bardonecchia oulx crotone isola capo rizzuto
  castelvolturno rosarno foggia borgo mezzanone saluzzo latina sabaudia caserta palermo catania
  siracusa augusta taranto brindisi lecce bari ancona pesaro gradisca
`);

const VOWEL_END = /[aeiou]$/;

function plural(noun: string): string | null {
  if (!VOWEL_END.test(noun)) return null;
  if (noun.endsWith('ione')) return `${noun.slice(0, -1)}i`;
  if (noun.endsWith('ca')) return `${noun.slice(0, -1)}he`;
  if (noun.endsWith('ga')) return `${noun.slice(0, -1)}he`;
  if (noun.endsWith('co') || noun.endsWith('go')) return `${noun.slice(0, -1)}hi`;
  if (/[^aeiou][cg]ia$/.test(noun)) return `${noun.slice(0, -2)}e`;
  if (noun.endsWith('io')) return noun.slice(0, -1);
  if (noun.endsWith('a')) return `${noun.slice(0, -1)}e`;
  return `${noun.slice(0, -1)}i`;
}

function nounForms(entry: string): [string, string[]] {
  const [sing, plur] = entry.split('|') as [string, string | undefined];
  if (plur === '-') return [sing, []];
  const p = plur ?? plural(sing);
  return [sing, p && p !== sing ? [p] : []];
}

function adjectiveForms(entry: string): [string, string[]] {
  const [base, plur] = entry.split('|') as [string, string | undefined];
  if (plur === '-') return [base, []];
  if (base.endsWith('o')) {
    const stem = base.slice(0, -1);
    const masc = plur ?? (base.endsWith('io') ? stem : `${stem}i`);
    const hard = base.endsWith('co') || base.endsWith('go');
    return [base, [`${stem}a`, masc, hard ? `${stem}he` : `${stem}e`]];
  }
  return [base, [plur ?? `${base.slice(0, -1)}i`]];
}

function verbForms(entry: string): [string, string[]] {
  const isc = entry.endsWith('+');
  const irregular = entry.endsWith('!');
  const [inf, participle] = entry.replace(/[+!]$/, '').split(':') as [string, string | undefined];
  const ending = inf.slice(-3);
  const stem = inf.slice(0, -3);
  if (irregular) return [inf, participle ? [participle] : []];
  if (ending === 'are') {
    const hard = /[cg]$/.test(stem) ? 'h' : '';
    const we = `${stem}${hard}${stem.endsWith('i') ? '' : 'i'}amo`;
    return [inf, [`${stem}a`, `${stem}o`, we, `${stem}ano`, participle ?? `${stem}ato`, `${stem}ando`]];
  }
  const we = `${stem}${stem.endsWith('i') ? '' : 'i'}amo`;
  if (ending === 'ere') {
    return [inf, [`${stem}e`, `${stem}o`, we, `${stem}ono`, participle ?? `${stem}uto`, `${stem}endo`]];
  }
  return [
    inf,
    [
      isc ? `${stem}isce` : `${stem}e`,
      isc ? `${stem}isco` : `${stem}o`,
      we,
      isc ? `${stem}iscono` : `${stem}ono`,
      participle ?? `${stem}ito`,
      `${stem}endo`,
    ],
  ];
}

function interleave<T>(...lists: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const l of lists) if (i < l.length) out.push(l[i] as T);
  return out;
}

/**
 * Every word once: `common` most frequent first (drawn Zipf-like), `rare` drawn seldom and uniformly
 * (about once in 30,000 words), so a query for one of them matches a handful of texts.
 */
export function italianVocabulary(): { common: string[]; rare: string[] } {
  const nouns = NOUNS.map(nounForms);
  const adjectives = ADJECTIVES.map(adjectiveForms);
  const verbs = VERBS.map(verbForms);
  const bases = interleave(
    nouns.map(([b]) => b),
    verbs.map(([b, f]) => f[0] ?? b),
    nouns.slice(1).map(([b]) => b),
    adjectives.map(([b]) => b),
  );
  const inflected = interleave(
    nouns.flatMap(([, f]) => f),
    verbs.flatMap(([b, f]) => [b, ...f.slice(1)]),
    adjectives.flatMap(([, f]) => f),
  );
  const ordered = [
    ...FUNCTION_WORDS,
    ...interleave(bases.slice(0, 40), PHRASES.slice(0, 8)),
    ...interleave(bases.slice(40), PHRASES.slice(8)),
    ...inflected,
  ];
  const common = [...new Set(ordered)].filter((w) => !RARE.includes(w));
  return { common, rare: RARE.filter((w) => !common.includes(w)) };
}

/** Words the search bench queries, taken from the vocabulary above. */
export const QUERY_WORDS = {
  common: ['accoglienza', 'lavoro'],
  rare: ['ventimiglia', 'gradisca'],
  twoWords: ['permesso soggiorno', 'tirocinio sartoria'],
  phrase: ['"mediazione culturale"'],
  typo: ['acoglienza', 'sportelo'],
  mixed: ['tirocinio lampedusa'],
};
