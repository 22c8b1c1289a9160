/**
 * Country names and codes as CRMs show them → ISO 3166-1 alpha-2.
 *
 * Names come from `Intl.DisplayNames` (English and Spanish, long and short styles) over every
 * two-letter code it knows, built once on first use; both Node 20 and Chrome ship full ICU.
 * Codes that ICU knows but that aren't countries in ISO 3166-1 (EU, UN, XK, ZZ, …) are left out,
 * and retired codes (UK, DD, YU, …) are left to their current replacement.
 */

// Reserved or non-ISO codes that ICU names anyway.
const NOT_ISO = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UN', 'XA', 'XB', 'XK', 'ZZ']);

// Alpha-3 → alpha-2, five letters per entry (alpha-2 then alpha-3).
const ALPHA3 =
  'ADAND AEARE AFAFG AGATG AIAIA ALALB AMARM AOAGO AQATA ARARG ASASM ATAUT AUAUS AWABW AXALA AZAZE ' +
  'BABIH BBBRB BDBGD BEBEL BFBFA BGBGR BHBHR BIBDI BJBEN BLBLM BMBMU BNBRN BOBOL BQBES BRBRA BSBHS ' +
  'BTBTN BVBVT BWBWA BYBLR BZBLZ CACAN CCCCK CDCOD CFCAF CGCOG CHCHE CICIV CKCOK CLCHL CMCMR CNCHN ' +
  'COCOL CRCRI CUCUB CVCPV CWCUW CXCXR CYCYP CZCZE DEDEU DJDJI DKDNK DMDMA DODOM DZDZA ECECU EEEST ' +
  'EGEGY EHESH ERERI ESESP ETETH FIFIN FJFJI FKFLK FMFSM FOFRO FRFRA GAGAB GBGBR GDGRD GEGEO GFGUF ' +
  'GGGGY GHGHA GIGIB GLGRL GMGMB GNGIN GPGLP GQGNQ GRGRC GSSGS GTGTM GUGUM GWGNB GYGUY HKHKG HMHMD ' +
  'HNHND HRHRV HTHTI HUHUN IDIDN IEIRL ILISR IMIMN ININD IOIOT IQIRQ IRIRN ISISL ITITA JEJEY JMJAM ' +
  'JOJOR JPJPN KEKEN KGKGZ KHKHM KIKIR KMCOM KNKNA KPPRK KRKOR KWKWT KYCYM KZKAZ LALAO LBLBN LCLCA ' +
  'LILIE LKLKA LRLBR LSLSO LTLTU LULUX LVLVA LYLBY MAMAR MCMCO MDMDA MEMNE MFMAF MGMDG MHMHL MKMKD ' +
  'MLMLI MMMMR MNMNG MOMAC MPMNP MQMTQ MRMRT MSMSR MTMLT MUMUS MVMDV MWMWI MXMEX MYMYS MZMOZ NANAM ' +
  'NCNCL NENER NFNFK NGNGA NINIC NLNLD NONOR NPNPL NRNRU NUNIU NZNZL OMOMN PAPAN PEPER PFPYF PGPNG ' +
  'PHPHL PKPAK PLPOL PMSPM PNPCN PRPRI PSPSE PTPRT PWPLW PYPRY QAQAT REREU ROROU RSSRB RURUS RWRWA ' +
  'SASAU SBSLB SCSYC SDSDN SESWE SGSGP SHSHN SISVN SJSJM SKSVK SLSLE SMSMR SNSEN SOSOM SRSUR SSSSD ' +
  'STSTP SVSLV SXSXM SYSYR SZSWZ TCTCA TDTCD TFATF TGTGO THTHA TJTJK TKTKL TLTLS TMTKM TNTUN TOTON ' +
  'TRTUR TTTTO TVTUV TWTWN TZTZA UAUKR UGUGA UMUMI USUSA UYURY UZUZB VAVAT VCVCT VEVEN VGVGB VIVIR ' +
  'VNVNM VUVUT WFWLF WSWSM YEYEM YTMYT ZAZAF ZMZMB ZWZWE';

// Common short or older forms that neither DisplayNames locale produces.
const ALIASES: Record<string, string> = {
  usa: 'US', us: 'US', 'united states of america': 'US', america: 'US', eeuu: 'US', 'estados unidos de america': 'US',
  uk: 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB',
  'gran bretana': 'GB', inglaterra: 'GB', escocia: 'GB', gales: 'GB',
  holland: 'NL', holanda: 'NL', mejico: 'MX',
  'czech republic': 'CZ', 'republica checa': 'CZ', turkey: 'TR', 'ivory coast': 'CI', 'costa de marfil': 'CI',
  'south korea': 'KR', korea: 'KR', 'republic of korea': 'KR', russia: 'RU', 'russian federation': 'RU',
  burma: 'MM', birmania: 'MM', swaziland: 'SZ', macedonia: 'MK', 'east timor': 'TL', 'timor oriental': 'TL',
  vatican: 'VA', vaticano: 'VA', uae: 'AE', emiratos: 'AE', macau: 'MO', 'hong kong': 'HK',
};

/** A lookup key: no accents, case, punctuation or spaces; "&" is "and", "Saint" is "St", no leading "the". */
function key(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/^\s*the\s+/, '')
    .replace(/[^a-z0-9]/g, '');
}

interface Tables {
  codes: Set<string>;
  names: Map<string, string>;
  alpha3: Map<string, string>;
}
let tables: Tables | undefined;

function build(): Tables {
  const en = new Intl.DisplayNames(['en'], { type: 'region' });
  const es = new Intl.DisplayNames(['es'], { type: 'region' });
  const enShort = new Intl.DisplayNames(['en'], { type: 'region', style: 'short' });
  const esShort = new Intl.DisplayNames(['es'], { type: 'region', style: 'short' });
  const codes = new Set<string>();
  const names = new Map<string, string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_ISO.has(code) || en.of(code) === code) continue;
      if (new Intl.Locale('und', { region: code }).region !== code) continue; // retired: UK → GB, DD → DE…
      codes.add(code);
      for (const dn of [en, es, enShort, esShort]) {
        const name = dn.of(code);
        if (!name || name.replace(/[^\p{L}]/gu, '').length <= 3) continue; // "US", "EE. UU.", "RU": aliases handle these
        for (const variant of [name, name.replace(/\s*\(.*\)\s*/g, ' ')]) {
          const k = key(variant);
          if (k && !names.has(k)) names.set(k, code);
        }
      }
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) names.set(key(alias), code);
  const alpha3 = new Map(ALPHA3.split(' ').map((e) => [e.slice(2), e.slice(0, 2)]));
  return { codes, names, alpha3 };
}

/**
 * "es", "ESP", "España", "espana", "Spain", "EE.UU.", "United States", "UK" → "ES"/"US"/"GB";
 * undefined for anything else (never a guess).
 */
export function toCountryCode(s: string | null | undefined): string | undefined {
  if (typeof s !== 'string' || !s.trim()) return undefined;
  const { codes, names, alpha3 } = (tables ??= build());
  const raw = s.trim();
  const upper = raw.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && codes.has(upper)) return upper;
  if (/^[A-Z]{3}$/.test(upper) && alpha3.has(upper)) return alpha3.get(upper);
  return names.get(key(raw));
}
