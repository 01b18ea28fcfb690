/** French date rules ("15 septembre", "lundi dernier", "il y a dix jours", "21 h 45", "début août") and tense cues. */
import {
  B,
  E,
  APOS,
  lower,
  parseNum,
  isVague,
  durationValue,
  isUpper,
  dayDir,
  weekdayDir,
  push,
  weekdayValue,
  yearOf2,
  prepBefore,
  yearRule,
  periodRule,
  agoRule,
  alt,
  type Ctx,
  type Handler,
  type Rule,
} from '../../dates/ruleKit';
import {
  addDays,
  fmtDate,
  resolveMonthDay,
  resolveMonth,
  validDay,
  ymd,
  ym,
  pad,
  type Direction,
} from '../../dates/calendar';
import { FR_DAYPARTS, FR_MONTHS, FR_NUMBERS, FR_SEASONS, FR_UNITS, FR_VAGUE, FR_WEEKDAYS } from './dateWords';

export const FR_FUTURE =
  /(?<![\p{L}])(?:prochaine?s?|jusqu['’]au|jusqu['’]à|d['’]ici|avant\s+le|sera|seront|aura|auront|fera|feront|devra|devront|pourra|pourront|va|vont|doit|doivent|prévue?s?|programmée?s?|demain|\p{L}{2,}(?:era|eront|ira|iront|dra|dront))(?![\p{L}])/iu;

/** French weekdays: tense only (deadline words such as "jusqu'à 17 h" say nothing about the day). */
export const FR_FUTURE_WD =
  /(?<![\p{L}])(?:prochaine?s?|sera|seront|aura|auront|fera|feront|devra|devront|pourra|pourront|va|vont|prévue?s?|programmée?s?|\p{L}{2,}(?:era|eront|ira|iront|dra|dront))(?![\p{L}])/iu;
export const FR_DATE_PREP =
  /(?:^|[^\p{L}])(?:en|depuis|dès|de|d['’]|jusqu['’]en|jusqu['’]à|année|l['’]année|an|fin|début|mi|entre|et|ou|pour|avant|après|vers|courant|printemps|été|automne|hiver|au|à|le|du|depuis)[\s-]*$/iu;

export function frenchDateRules(): Rule[] {
  const MONFULL = alt(
    Object.keys(FR_MONTHS).filter(
      (k) => k.length > 4 || k === 'mai' || k === 'juin' || k === 'mars' || k === 'août' || k === 'aout',
    ),
  );
  const MONABBR = alt(
    Object.keys(FR_MONTHS).filter(
      (k) => !(k.length > 4 || k === 'mai' || k === 'juin' || k === 'mars' || k === 'août' || k === 'aout'),
    ),
  );
  const MON = `(?:${MONFULL}|(?:${MONABBR})\\.)`;
  const WD = alt(Object.keys(FR_WEEKDAYS));
  const NUMW = alt(Object.keys(FR_NUMBERS));
  const NUM = `(?:\\d+(?:[.,]\\d+)?|(?:${NUMW})(?:[-\\s](?:et[-\\s])?(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?))*)`;
  const VAGUE = alt(FR_VAGUE);
  const UNIT = alt(Object.keys(FR_UNITS));
  const PART = alt(Object.keys(FR_DAYPARTS));
  const MOD = `(?:près\\s+d(?:e\\s+|${APOS})|plus\\s+d(?:e\\s+|${APOS})|moins\\s+d(?:e\\s+|${APOS})|environ\\s+|au\\s+moins\\s+|presque\\s+|quelque\\s+|pas\\s+moins\\s+d(?:e\\s+|${APOS})|une\\s+bonne\\s+|au\\s+bout\\s+d(?:e\\s+|${APOS}))`;
  const rules: Rule[] = [];
  const R = (src: string, fn: Handler) => rules.push({ re: new RegExp(src, 'giu'), fn });
  const monthOf = (w: string) => FR_MONTHS[lower(w).replace('.', '')];

  // "le 27 mai 1998", "15 septembre", "lundi 17 août", "le mercredi 1er mai", "le 6 mai dernier", "13 avril prochains"
  R(
    `${B}(?:(le)\\s+)?(?:(${WD})\\s+)?(\\d{1,2}|1er|premier)\\s+(${MON})(?:\\s+(\\d{4}|\\d{2}(?![\\p{N}\\s]*(?:h|heures?|%|ans?|mois|jours?)(?![\\p{L}]))))?(?:\\s+(derniers?|prochains?))?${E}`,
    (m, c) => {
      const st = m.index!;
      const en = st + m[0].length;
      const month = monthOf(m[4]);
      const day = /^\d+$/.test(m[3]) ? Number(m[3]) : 1;
      if (!month || (isUpper(m[4][0]) && !m[2] && !m[5])) {
        if (!month) return;
      }
      const dir = m[6] ? lower(m[6]) : '';
      if (m[5]) {
        const y = yearOf2(m[5]);
        if (!validDay(y, month, day)) return;
        return push(c, st, en, 'date', ymd(y, month, day), 'explicit', 3);
      }
      if (!validDay(2000, month, day)) return;
      if (!c.ref) return push(c, st, en, 'date', `XXXX-${pad(month)}-${pad(day)}`, 'none', 3);
      const future: Direction = dir.startsWith('prochain')
        ? 'future'
        : dir.startsWith('dernier')
          ? 'past'
          : dayDir(c, st, en);
      let [y] = resolveMonthDay(c.ref, month, day, future);
      if (m[2] && c.rd) {
        const wd = FR_WEEKDAYS[lower(m[2])];
        for (const cand of [c.ref.y, c.ref.y - 1, c.ref.y + 1]) {
          if (validDay(cand, month, day) && new Date(Date.UTC(cand, month - 1, day)).getUTCDay() === wd) {
            y = cand;
            break;
          }
        }
      }
      push(c, st, en, 'date', ymd(y, month, day), 'reference', 3);
    },
  );
  // "août 2001", "octobre 98", "juin prochain", "septembre dernier", "début août", "fin août", "mois de juin", bare "juillet"
  R(
    `${B}(?:(début|fin|mi|courant|(?:(?:le|au)\\s+)?mois\\s+d(?:e\\s+|${APOS}))[\\s-]*)?(${MON})(?:\\s+(\\d{4}|\\d{2}(?![\\p{N}\\s]*(?:h|heures?|%|ans?|mois|jours?|millions?|milliards?)(?![\\p{L}]))))?(?:\\s+(derniers?|prochains?))?${E}`,
    (m, c) => {
      const st = m.index!;
      const en = st + m[0].length;
      const month = monthOf(m[2]);
      if (!month) return;
      if (isUpper(m[2][0]) && !m[1] && !m[3] && !m[4]) {
        // A capitalised bare month is a name ("Mai", "Mars") unless it opens a sentence after a preposition.
        if (!prepBefore(c, st)) return;
      }
      if (!m[1] && !m[3] && /^\s*\d/.test(c.s.slice(en, en + 3))) return;
      if (m[3]) return push(c, st, en, 'date', ym(yearOf2(m[3]), month), 'explicit', 2);
      if (!c.ref) return push(c, st, en, 'date', `XXXX-${pad(month)}`, 'none', 2);
      const dir = m[4] ? lower(m[4]) : '';
      let y: number;
      if (dir.startsWith('dernier')) y = c.ref.m !== undefined && month < c.ref.m ? c.ref.y : c.ref.y - 1;
      else if (dir.startsWith('prochain')) y = c.ref.m !== undefined && month > c.ref.m ? c.ref.y : c.ref.y + 1;
      else [y] = resolveMonth(c.ref, month, dayDir(c, st, en));
      push(c, st, en, 'date', ym(y, month), 'reference', 2);
    },
  );
  // years: "en 2019", "l'année 2001", "les années 90"
  R(
    `(?<![\\p{L}\\p{N}_$€£][.,]?)(?:(l${APOS}année|l${APOS}an)\\s+)?(1[5-9]\\d\\d|20\\d\\d)(?![\\p{L}\\p{N}_%]|[.,]\\d)`,
    (m, c) => {
      if (m[1]) {
        const st = m.index!;
        return push(c, st, st + m[0].length, 'date', m[2], 'explicit', 2);
      }
      yearRule([m[0], undefined, undefined, m[2], undefined] as unknown as RegExpMatchArray, c, false, m.index!);
    },
  );
  R(`${B}les\\s+années\\s+(\\d\\d|19\\d0|20\\d0)${E}`, (m, c) => {
    const st = m.index!;
    const d = m[1];
    const v = d.length === 4 ? d.slice(0, 3) : String(Number(d) >= 30 ? 190 + Number(d) / 10 : 200 + Number(d) / 10);
    push(c, st, st + m[0].length, 'date', v, 'explicit', 2);
  });
  // weekdays: "lundi", "ce dimanche", "mercredi dernier", "lundi matin", "ce même lundi après-midi"
  R(
    `${B}(?:(ce|cet)\\s+)?(?:(même)\\s+)?(${WD})(?:\\s+(dernier|prochain|passé|suivant|précédent))?(?:\\s+(${PART}))?${E}`,
    (m, c) => {
      const st = m.index!;
      const en = st + m[0].length;
      const wd = FR_WEEKDAYS[lower(m[3])];
      if (isUpper(m[3][0]) && !m[1] && st > 0 && !/[.!?\n«"“]\s*$/.test(c.s.slice(Math.max(0, st - 3), st))) {
        // Capitalised mid-sentence weekday: still a weekday in headlines; accept.
      }
      const mod = m[4] ? lower(m[4]) : '';
      const dir =
        mod === 'dernier' || mod === 'passé' || mod === 'précédent'
          ? 'last'
          : mod === 'prochain' || mod === 'suivant'
            ? 'next'
            : weekdayDir(c, st, en);
      let [v, from] = weekdayValue(c, wd, dir);
      const part = m[5] ? FR_DAYPARTS[lower(m[5])] : '';
      if (part && !v.startsWith('XXXX')) v += part;
      push(c, st, en, part ? 'time' : 'relative', v, from, 2);
    },
  );
  // sets: "chaque année", "tous les jeudis", "tous les deux ans", "quotidiennement", "annuel"
  R(
    `${B}(?:(chaque|tous\\s+les|toutes\\s+les)\\s+(?:(${NUM})\\s+)?(jours?|semaines?|mois|années?|ans|matins?|soirs?|nuits?|${WD}s?|week-ends?|étés?|hivers?)|(quotidiennement|hebdomadairement|mensuellement|annuellement)|(quotidien(?:ne)?s?|hebdomadaires?|mensuel(?:le)?s?|annuel(?:le)?s?|bimensuel(?:le)?s?|trimestriel(?:le)?s?)|par\\s+(jour|semaine|mois|an|année|heure))${E}`,
    (m, c) => {
      const st = m.index!;
      if (
        m[5] &&
        /(?:^|[^\p{L}])(?:le|du|au|un|ce|des|les|l['’]|d['’]|son|sa|leur|notre|votre)\s+$/iu.test(
          c.s.slice(Math.max(0, st - 8), st),
        )
      )
        return; // "le quotidien" (newspaper)
      const w = lower(m[3] ?? m[4] ?? m[5] ?? m[6]).replace(/s$/, '');
      const n = m[2] ? (parseNum(m[2], c.lang) ?? 1) : 1;
      let v: string | null = null;
      const wd = FR_WEEKDAYS[w];
      if (wd !== undefined) v = `XXXX-WXX-${wd === 0 ? 7 : wd}`;
      else if (/^(?:jour|quotidien|quotidienne|quotidiennement)$/.test(w)) v = `P${n}D`;
      else if (/^(?:semaine|hebdomadaire|hebdomadairement)$/.test(w)) v = `P${n}W`;
      else if (/^(?:moi|mensuel|mensuelle|mensuellement)$/.test(w)) v = `P${n}M`;
      else if (/^(?:année|an|annuel|annuelle|annuellement)$/.test(w)) v = `P${n}Y`;
      else if (/^(?:bimensuel|bimensuelle)$/.test(w)) v = 'P2W';
      else if (/^(?:trimestriel|trimestrielle)$/.test(w)) v = 'P3M';
      else if (w === 'heure') v = 'PT1H';
      else if (w === 'matin') v = 'XXXX-XX-XXTMO';
      else if (w === 'soir') v = 'XXXX-XX-XXTEV';
      else if (w === 'nuit') v = 'XXXX-XX-XXTNI';
      else if (w === 'week-end') v = 'XXXX-WXX-WE';
      else if (w === 'été') v = 'XXXX-SU';
      else if (w === 'hiver') v = 'XXXX-WI';
      push(c, st, st + m[0].length, 'set', v, 'explicit', 3);
    },
  );
  // deictic words: "hier", "aujourd'hui", "demain matin", "hier soir", "aujourd'hui vendredi", "ce soir", "cette nuit"
  R(
    `${B}(avant-hier|après-demain|hier|aujourd${APOS}hui|demain|ce\\s+matin|ce\\s+soir|cet\\s+après-midi|cette\\s+nuit|ce\\s+midi|cette\\s+(?:matinée|soirée)|la\\s+(?:nuit|soirée|matinée|veille))(?:\\s+(${PART}))?(?:\\s+(${WD}))?${E}`,
    (m, c) => {
      const st = m.index!;
      const en = st + m[0].length;
      const w = lower(m[1]).replace(/\s+/g, ' ');
      let off = 0;
      let suffix = m[2] ? FR_DAYPARTS[lower(m[2])] : '';
      if (w === 'hier') off = -1;
      else if (w === 'avant-hier') off = -2;
      else if (w === 'demain') off = 1;
      else if (w === 'après-demain') off = 2;
      else if (w === 'la veille') off = -1;
      else if (w.startsWith('ce ') || w.startsWith('cet ') || w.startsWith('cette '))
        suffix = FR_DAYPARTS[w.split(' ')[1]] ?? '';
      else if (w === 'la journée') return push(c, st, en, 'time', null, 'reference', 0, 'TDT');
      else if (w.startsWith('la ')) return push(c, st, en, 'time', null, 'reference', 0, FR_DAYPARTS[w.slice(3)]);
      const v = c.rd ? fmtDate(addDays(c.rd, off)) + suffix : null;
      push(c, st, en, suffix ? 'time' : 'relative', v, 'reference', 2);
    },
  );
  // present / past / future references
  R(
    `${B}(maintenant|désormais|actuellement|à\\s+présent|de\\s+nos\\s+jours|à\\s+l${APOS}heure\\s+actuelle|auparavant|autrefois|jadis|à\\s+l${APOS}avenir|l${APOS}avenir)${E}`,
    (m, c) => {
      const st = m.index!;
      const w = lower(m[1]);
      const v = /^(?:auparavant|autrefois|jadis)$/.test(w)
        ? 'PAST_REF'
        : /avenir/.test(w)
          ? 'FUTURE_REF'
          : 'PRESENT_REF';
      push(c, st, st + m[0].length, 'relative', v, 'explicit', 1);
    },
  );
  // relative periods: "cette semaine", "l'année dernière", "le mois prochain", "ce week-end", "cet été", "la fin de l'année dernière"
  R(
    `${B}(?:(?:le\\s+|la\\s+)?(début|fin|milieu)\\s+(?:de\\s+|d${APOS}|du\\s+)?)?(?:(cette|ce|cet|la|le|l${APOS})\\s*)(semaine|mois|année|an|week-end|été|hiver|automne|printemps|trimestre|siècle|décennie)(?:-ci)?(?:\\s+(dernière|dernier|prochaine|prochain|passée|passé|précédente|précédent|suivante|suivant|en\\s+cours))?${E}`,
    (m, c) => {
      const det = lower(m[2]);
      const unit = lower(m[3]);
      let mod = m[4] ? lower(m[4]) : '';
      if (!mod && !/^(?:cette|ce|cet)$/.test(det)) return; // "la semaine" alone is not a date
      if (mod === 'en cours') mod = '';
      const map: Record<string, string> = {
        semaine: 'week',
        mois: 'month',
        année: 'year',
        an: 'year',
        'week-end': 'weekend',
        été: 'summer',
        hiver: 'winter',
        automne: 'fall',
        printemps: 'spring',
        trimestre: 'quarter',
        siècle: 'century',
        décennie: 'decade',
      };
      const dir = /^dern|^pass|^préc/.test(mod) ? 'last' : /^proch|^suiv/.test(mod) ? 'next' : 'this';
      periodRule(c, m.index!, m.index! + m[0].length, dir, map[unit]);
    },
  );
  // "il y a dix jours", "il y a deux ans"
  R(`${B}il\\s+y\\s+a\\s+(?:${MOD})?(${NUM}|${VAGUE})\\s+(${UNIT})${E}`, (m, c) => agoRule(m, c, m[1], m[2]));
  // "ces derniers jours", "les trois prochaines années"
  R(`${B}(?:ces|les|des)\\s+(?:(${NUM})\\s+)?(derniers|dernières|prochains|prochaines)\\s+(${UNIT})${E}`, (m, c) => {
    const st = m.index!;
    const n = m[1] ? parseNum(m[1], c.lang) : null;
    push(c, st, st + m[0].length, 'duration', durationValue(n, FR_UNITS[lower(m[3])]), 'explicit', 2);
  });
  // durations: "six mois", "près d'un an", "plusieurs années", "30,4 secondes", "un quart de siècle"
  R(
    `${B}(?:${MOD})?(?:(${NUM}|${VAGUE})\\s+|(un\\s+quart\\s+de|une\\s+demi-|un\\s+demi-))(${UNIT})(?:\\s+et\\s+demie?)?${E}`,
    (m, c) => {
      const st = m.index!;
      const unitW = lower(m[3]);
      const unit = FR_UNITS[unitW];
      let n: number | null;
      if (m[2]) n = /quart/.test(m[2]) ? 0.25 : 0.5;
      else if (isVague(m[1], c.lang)) n = null;
      else n = parseNum(m[1], c.lang);
      if (!m[2] && n === null && !isVague(m[1], c.lang)) return;
      if (
        /^ans?$/.test(unitW) &&
        (frAge(c, st, st + m[0].length) ||
          (/^(?:moins|plus)\s/i.test(m[0]) &&
            /(?:^|[^\p{L}])(?:les|des|aux)\s+$/iu.test(c.s.slice(Math.max(0, st - 6), st))))
      )
        return;
      if (m[1] && lower(m[1]) === 'des' && unit.time) return; // "des heures scolaires"
      if (m[1] && lower(m[1]) === 'des' && !/s$/.test(unitW) && unitW !== 'mois') return;
      if (n !== null && /et\s+demie?$/.test(m[0])) n += 0.5;
      push(c, st, st + m[0].length, 'duration', durationValue(n, unit), 'explicit', 1);
    },
  );
  R(`${B}(quinquennat|septennat|mandat\\s+de\\s+(\\d+|${NUMW})\\s+ans)${E}`, (m, c) => {
    const st = m.index!;
    const w = lower(m[1]);
    const v = w === 'quinquennat' ? 'P5Y' : w === 'septennat' ? 'P7Y' : `P${parseNum(m[2], c.lang)}Y`;
    push(c, st, st + m[0].length, 'duration', v, 'explicit', 1);
  });
  // clock times: "21 h 45", "18 h", "18h30", "vers 15 h 30", "14 heures", "midi", "minuit"
  R(
    `${B}(?:(vers|dès|jusqu${APOS}à)\\s+)?(?:(\\d{1,2})\\s*(?:h|heures?)(?:\\s*(\\d{2}))?(?![\\p{L}\\p{N}])|(?<![-'’])(midi|minuit)${E})`,
    (m, c) => {
      let st = m.index!;
      if (m[1]) st += m[1].length; // "vers", "dès" are signals, not part of the time
      const h = m[2] !== undefined ? Number(m[2]) : lower(m[4]) === 'midi' ? 12 : 24;
      const min = m[3] ? Number(m[3]) : 0;
      if (h > 24 || min > 59) return;
      if (m[4] && isUpper(m[4][0]) && !/^[.!?\n]?\s*$/.test(c.s.slice(Math.max(0, st - 2), st))) return; // "le Midi"
      if (m[2] !== undefined && /^\s*(?:de|d['’])\s/iu.test(c.s.slice(st + m[0].length, st + m[0].length + 4)) && !m[3])
        return; // "24 heures de garde à vue"
      if (
        /heures?/i.test(m[0]) &&
        !m[1] &&
        /(?:^|[^\p{L}])(?:pendant|durant|de|en|plus\s+de|moins\s+de|depuis|les|des|ces|environ)\s+$/iu.test(
          c.s.slice(Math.max(0, st - 14), st),
        )
      )
        return;
      push(c, st, m.index! + m[0].length, 'time', null, 'reference', 1, `T${pad(h)}:${pad(min)}`);
    },
  );
  // seasons: "été", "l'hiver" (without modifiers they are unanchored: XXXX-SU)
  R(`${B}(?:en\\s+|l${APOS}|le\\s+)?(été|hiver|automne|printemps)(?:\\s+(\\d{4}))?${E}`, (m, c) => {
    const st = m.index!;
    const w = lower(m[1]);
    const lead = c.s.slice(Math.max(0, st - 30), st);
    if (
      w === 'été' &&
      !/^(?:en|l['’]|le)/i.test(lower(m[0])) &&
      !/(?:d['’]|pendant\s+l['’]|durant\s+l['’]|cet\s+)$/iu.test(lead)
    )
      return; // participle "été"
    if (/\p{Lu}\p{L}*\s+d['’]$/u.test(lead)) return; // "Jeux olympiques d'hiver"
    const code = FR_SEASONS[w];
    const s0 = st + (m[0].length - m[0].replace(/^(?:en\s+|le\s+)/i, '').length);
    push(c, s0, st + m[0].length, 'date', m[2] ? `${m[2]}-${code}` : `XXXX-${code}`, 'explicit', 0);
  });
  return rules;
}

/** "Alain Parmentier, 53 ans,", "âgé de 54 ans", "une fillette de 6 ans", "les 6-16 ans": ages, not durations. */
function frAge(c: Ctx, st: number, en: number): boolean {
  const before = c.s.slice(Math.max(0, st - 40), st);
  const after = c.s.slice(en, en + 3);
  if (/[âa]g[ée]e?s?\s+d(?:e\s+|['’])$/iu.test(before)) return true;
  if (/,\s*$/.test(before) && /^\s*[,.;)]/.test(after)) return true;
  if (/\d\s*[-–]\s*$/.test(before)) return true;
  if (/(?:les|des)\s+(?:moins|plus)\s+de\s+$/iu.test(before)) return true;
  if (/(?:^|[^\p{L}])(?:une?|la|le)\s+\p{L}+(?:\s+de\s+\p{L}+)?\s+de\s+$/iu.test(before)) return true;
  return false;
}
