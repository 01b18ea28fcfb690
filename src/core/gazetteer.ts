/**
 * Generic name tables for the entity layer: country and place names in English and French (from the platform's
 * `Intl.DisplayNames` over every ISO 3166 region code), country abbreviations, well-known international bodies,
 * honorifics and titles, organization suffixes and heads, context cue words, weekdays and months.
 * Nothing here is specific to any article: these are the tables any news reader carries in their head.
 * All keys are folded with `foldKey` (lower case, no diacritics).
 */
import { foldKey } from './text';

/** A gazetteer hit: the entity type and a cluster key shared by every name of the same thing. */
export interface GazetteerEntry {
  type: 'place' | 'organization';
  key: string;
  /** Written in capitals in the table ("US", "UN", "EAU"): matches only text in capitals, never "us", "Un", "eau". */
  acronym?: boolean;
}

// Not countries, or deprecated codes that duplicate a current one's name (DD "Germany", SU "Russia", UK "United Kingdom").
const NOT_COUNTRIES = new Set([
  'EU',
  'EZ',
  'UN',
  'QO',
  'XA',
  'XB',
  'ZZ',
  'AQ',
  'AN',
  'BU',
  'CS',
  'DD',
  'DY',
  'FX',
  'HV',
  'NH',
  'RH',
  'SU',
  'TP',
  'UK',
  'VD',
  'YD',
  'YU',
  'ZR',
]);

function buildPlaces(): ReadonlyMap<string, GazetteerEntry> {
  const map = new Map<string, GazetteerEntry>();
  const add = (name: string | undefined, entry: GazetteerEntry): void => {
    if (!name) return;
    const k = foldKey(name);
    const acronym = name.length <= 6 && name === name.toUpperCase();
    if (k && !map.has(k)) map.set(k, acronym ? { ...entry, acronym } : entry);
  };
  const tryNames = (locale: string, style: 'long' | 'short'): Intl.DisplayNames | null => {
    try {
      return new Intl.DisplayNames([locale], { type: 'region', fallback: 'none', style });
    } catch {
      return null;
    }
  };
  const sources = [tryNames('en', 'long'), tryNames('en', 'short'), tryNames('fr', 'long'), tryNames('fr', 'short')];
  for (let a = 65; a < 91; a++) {
    for (let b = 65; b < 91; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const entry: GazetteerEntry = { type: 'place', key: `country:${code}` };
      for (const dn of sources) {
        let name: string | undefined;
        try {
          name = dn?.of(code);
        } catch {
          name = undefined;
        }
        if (!name || name === code || /pseudo|unknown|inconnue/i.test(name)) continue;
        // "Hong Kong SAR China", "R.A.S. chinoise de Hong Kong": keep the short form only.
        if (/\bSAR\b|R\.A\.S\./.test(name)) continue;
        add(name, entry);
        // "Congo - Kinshasa" → "Congo-Kinshasa"; "St. Kitts & Nevis" → "Saint Kitts and Nevis".
        add(name.replace(/ - /g, '-'), entry);
        add(name.replace(/\s*\(.*\)$/, ''), entry); // Myanmar (Burma) -> Myanmar
        add(name.replace(/\bSt\. /g, 'Saint ').replace(/ & /g, ' and '), entry);
      }
    }
  }
  for (const [names, key] of EXTRA_PLACES) for (const n of names) add(n, { type: 'place', key });
  for (const [names, key] of BODIES) for (const n of names) add(n, { type: 'organization', key });
  return map;
}

/** Other common names and abbreviations of countries, plus continents and large regions (EN + FR). */
const EXTRA_PLACES: ReadonlyArray<readonly [readonly string[], string]> = [
  [
    [
      'US',
      'U.S.',
      'USA',
      'U.S.A.',
      'United States of America',
      'America',
      'Etats-Unis',
      "Etats-Unis d'Amérique",
      "États-Unis d'Amérique",
      'Amérique',
    ],
    'country:US',
  ],
  [['UK', 'U.K.', 'Britain', 'Great Britain', 'Grande-Bretagne', 'Royaume Uni'], 'country:GB'],
  [['UAE', 'U.A.E.', 'Emirates', 'Émirats arabes unis', 'EAU'], 'country:AE'],
  [['Holland', 'Pays-Bas', 'the Netherlands'], 'country:NL'],
  [['Russie', 'Russian Federation', 'Fédération de Russie'], 'country:RU'],
  [['Hong Kong'], 'country:HK'],
  [['Macao', 'Macau'], 'country:MO'],
  [['Ivory Coast', "Côte d'Ivoire"], 'country:CI'],
  [['Burma'], 'country:MM'],
  [['Czech Republic', 'République tchèque'], 'country:CZ'],
  [['Vatican', 'Holy See', 'Saint-Siège'], 'country:VA'],
  [['Korea', 'Corée'], 'country:KR'],
  [['Yugoslavia', 'Yougoslavie'], 'former:YU'],
  [['Soviet Union', 'USSR', 'U.S.S.R.', 'URSS', 'Union soviétique'], 'former:SU'],
  [['Czechoslovakia', 'Tchécoslovaquie'], 'former:CS'],
  [['East Germany', 'West Germany', 'RDA', 'RFA', "Allemagne de l'Est", "Allemagne de l'Ouest"], 'former:DD'],
  [['Zaire', 'Zaïre'], 'country:CD'],
  [['Europe'], 'region:europe'],
  [['Asia', 'Asie'], 'region:asia'],
  [['Africa', 'Afrique'], 'region:africa'],
  [['North America', 'Amérique du Nord'], 'region:north-america'],
  [['South America', 'Amérique du Sud', 'Amérique latine', 'Latin America'], 'region:south-america'],
  [['Oceania', 'Océanie'], 'region:oceania'],
  [['Antarctica', 'Antarctique'], 'region:antarctica'],
  [['Middle East', 'Moyen-Orient', 'Proche-Orient', 'Near East'], 'region:middle-east'],
  [['Balkans'], 'region:balkans'],
  [['Midwest'], 'region:midwest'],
  [['Scandinavia', 'Scandinavie'], 'region:scandinavia'],
  [['Caribbean', 'Caraïbes'], 'region:caribbean'],
  [['Gulf', 'Golfe'], 'region:gulf'],
  [['Mediterranean', 'Méditerranée'], 'region:mediterranean'],
  [['Atlantic', 'Atlantique'], 'region:atlantic'],
  [['Pacific', 'Pacifique'], 'region:pacific'],
  [['England', 'Angleterre'], 'region:england'],
  [['Scotland', 'Écosse'], 'region:scotland'],
  [['Wales', 'Pays de Galles'], 'region:wales'],
];

/** International bodies often written as abbreviations, and the big news agencies (EN + FR). */
const BODIES: ReadonlyArray<readonly [readonly string[], string]> = [
  [['Reuters'], 'org:reuters'],
  [['AFP', 'Agence France-Presse', 'Agence France Presse'], 'org:afp'],
  [['AP', 'Associated Press'], 'org:ap'],
  [['Bloomberg'], 'org:bloomberg'],
  [['Xinhua'], 'org:xinhua'],
  [['Interfax'], 'org:interfax'],
  [['Kyodo'], 'org:kyodo'],
  [['Yonhap'], 'org:yonhap'],
  [['TASS', 'Itar-Tass', 'RIA Novosti'], 'org:tass'],
  [['ANSA'], 'org:ansa'],
  [['EFE'], 'org:efe'],
  [['EU', 'E.U.', 'European Union', 'Union européenne', 'UE'], 'org:eu'],
  [['UN', 'U.N.', 'United Nations', 'Nations unies', 'ONU'], 'org:un'],
  [['NATO', 'OTAN'], 'org:nato'],
  [['WHO', 'OMS', 'World Health Organization', 'Organisation mondiale de la santé'], 'org:who'],
  [['IMF', 'FMI', 'International Monetary Fund', 'Fonds monétaire international'], 'org:imf'],
  [['WTO', 'OMC', 'World Trade Organization', 'Organisation mondiale du commerce'], 'org:wto'],
  [['OPEC', 'OPEP'], 'org:opec'],
  [['European Commission', 'Commission européenne'], 'org:ec'],
  [['World Bank', 'Banque mondiale'], 'org:worldbank'],
];

/** Folded name → gazetteer entry, for countries, regions and international bodies, in EN and FR. */
export const GAZETTEER: ReadonlyMap<string, GazetteerEntry> = buildPlaces();

/** Looks a name up in the gazetteer (folded; a leading "the"/"la"/"le"/"l'" is ignored). */
export function lookupGazetteer(name: string, allowArticle = true): GazetteerEntry | undefined {
  const k = /^[\x20-\x7e]*$/.test(name) ? name.toLowerCase().replace(/\s+/g, ' ').trim() : foldKey(name);
  const e = GAZETTEER.get(k) ?? (allowArticle ? GAZETTEER.get(k.replace(/^(?:the |la |le |les |l')/, '')) : undefined);
  if (e?.acronym && name !== name.toUpperCase()) return undefined;
  return e;
}

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean).map(foldKey));

/** Weekdays and months (EN + FR): capitalised in English, never entities. */
export const CALENDAR_WORDS = set(`
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  lundi mardi mercredi jeudi vendredi samedi dimanche
  janvier février mars avril mai juin juillet août septembre octobre novembre décembre
`);

/** Titles and honorifics that precede a person's name (EN + FR); dropped from the name, they type it as a person. */
export const TITLES = set(`
  mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister
  president vice-president chancellor premier minister secretary senator sen rep representative congressman congresswoman
  governor gov mayor king queen prince princess pope cardinal archbishop bishop rabbi imam sheikh emir sultan
  judge justice general gen colonel col captain capt lieutenant lt sergeant sgt major commander admiral marshal
  chairman chairwoman chairperson ceo cfo coach ambassador envoy spokesman spokeswoman detective inspector officer
  m mme mmes mlle mgr me pr président présidente ministre sénateur sénatrice député députée maire général colonel
  capitaine commissaire juge maître docteur professeur abbé père sœur soeur roi reine prince princesse pape
`);

/** Last words that make a name an organization ("Sequoia Capital", "Apple Inc"). */
export const ORG_SUFFIXES = set(`
  inc inc. incorporated corp corp. corporation co co. company companies ltd ltd. limited llc plc ag sa nv bv gmbh spa sarl sas
  group groupe holding holdings bank bancorp banque airlines airways air party parti agency association council committee
  commission university institute institution foundation federation union ministry department club fc
  newsroom desk bureau
  times post journal news press herald tribune gazette telegraph daily magazine
  motors industries technologies technology systems capital partners securities investments ventures exchange
  court army navy police office board fund trust network networks media broadcasting television tv radio
  organisation organization society league assembly parliament congress senate cabinet government
  laboratories labs pharmaceuticals pharma energy petroleum oil telecom communications electronics software
  entertainment studios pictures records music games insurance finance financial services resources mining steel
  brothers bros unlimited international
`);

/** First words that make a name an organization ("University of Texas", "Banque de France", "Parti socialiste"). */
export const ORG_HEADS = set(`
  university bank ministry department institute council committee commission federation association league
  air ligue
  olympique racing sporting real atlético athletic inter dynamo dinamo spartak lokomotiv borussia fc ac as sc rc
  banque parti ministère université société groupe fédération union conseil comité organisation agence institut
  assemblée cour tribunal front mouvement rassemblement fondation compagnie caisse direction sénat armée académie
  école lycée collège centre confédération syndicat office régie chambre
`);

/** Heads and suffixes of place names ("Lake Geneva", "Hudson River", "Mont Blanc", "île de Ré"). */
export const PLACE_WORDS = set(`
  river mountain mountains mount mt lake island islands isles sea ocean bay valley street avenue square county
  province state city strait peninsula desert gulf canal coast beach harbour harbor park bridge region district
  mont monts lac île îles mer océan golfe vallée fleuve rivière baie côte cap détroit place rue avenue boulevard
  province région département canton comté arrondissement
`);

/** Nouns that announce an organization next to its name ("the venture capital firm X", "la société X"). */
export const ORG_CUES = set(`
  company companies firm group agency bank maker giant carrier airline retailer club party newspaper daily broadcaster
  network startup start-up insurer conglomerate manufacturer operator brand platform app application service
  publisher chain studio label team lender automaker distributor developer
  société entreprise firme groupe agence compagnie banque parti journal quotidien chaîne constructeur géant opérateur
  plateforme application marque enseigne fabricant éditeur équipe hebdomadaire magazine assureur
`);

/** Nouns that describe a person in an apposition or before a name ("X, the head of", "le porte-parole X"). */
export const PERSON_CUES = set(`
  spokesman spokeswoman spokesperson president minister chief head director leader coach ceo chairman chairwoman
  manager secretary official analyst player striker actor actress singer author writer founder co-founder senator
  governor mayor lawyer attorney economist professor researcher scientist journalist reporter editor candidate
  son daughter wife husband father mother brother sister widow
  porte-parole président présidente ministre directeur directrice chef patron patronne fondateur fondatrice
  entraîneur joueur joueuse acteur actrice chanteur chanteuse écrivain écrivaine auteur autrice député sénateur
  avocat avocate économiste chercheur chercheuse journaliste candidat candidate maire fils fille épouse mari
`);

/** Verbs of saying: "said X" / "X said" hint a person. */
export const SPEECH_VERBS = set(`
  said says added asked wrote stated explained noted declared insisted warned argued
  déclare déclaré dit affirme affirmé explique expliqué ajoute ajouté estime estimé souligne assure indique indiqué précise précisé
`);

/** Single-word institutions that are organizations ("the Treasury", "the Fed", "le Sénat"). */
export const INSTITUTIONS = set(`
  treasury fed pentagon congress senate parliament bundesbank bundestag knesset duma kremlin interpol europol
  sénat parlement gouvernement élysée matignon quai
`);

/** Capitalised abbreviations that are not names: time zones, currencies, units, common nouns ("GMT", "CEO", "GDP"). */
export const COMMON_ACRONYMS = new Set(
  `GMT UTC EST EDT CET CEST BST PST PDT CST MST CEO CFO COO CTO GDP GNP VAT TV DVD CD PC AI IT IPO ID OK AM PM
   USD EUR GBP JPY CHF CNY KG KM MW GW HIV AIDS SIDA COVID SMS PDF HTTP HTML URL FAQ PS NB PIB TVA PDG DG ONG NGO
   RBI ERA`
    .split(/\s+/)
    .filter(Boolean),
);

/** Compass words that open place names ("West Bank", "North Carolina", "Afrique du Sud" is in the gazetteer). */
export const COMPASS_WORDS = set(
  'north south east west northern southern eastern western nord sud est ouest upper lower haute basse',
);

/** Capitalised adjectives of nationality and religion the taggers often miss: never names on their own. */
export const NOT_NAMES = set(`
  english british scottish welsh irish kurdish polish turkish danish swedish finnish spanish jewish flemish
  serb serbs croat croats arab arabs moslem moslems muslim muslims christians catholic catholics protestant
  islamic sunni shiite shi'ite hindu sikh buddhist orthodox
`);

/** Words that make a capitalised phrase an event, title or award (not predicted): "World Cup", "Seconde Guerre mondiale". */
export const EVENT_WORDS = set(
  `
  war wars cup championship championships olympics olympic games prix award awards festival open tournament trophy
  league? series grand-prix age
  âge
  day
  guerre guerres coupe championnat jeux olympiques festival tournoi trophée prix révolution
`.replace('league?', ''),
);

/** Lower-case heads of French geographic names: "océan Indien", "mer des Wadden", "détroit de Béring". */
export const FR_PLACE_HEADS = set(
  "océan mer détroit baie île îles lac mont monts golfe fleuve rivière cap canal vallée massif désert péninsule presqu'île archipel plateau col",
);

/** Prepositions that introduce a place (EN + FR). */
export const PLACE_PREPOSITIONS = set(
  'in at from near across outside inside into toward towards à en au aux vers depuis',
);
