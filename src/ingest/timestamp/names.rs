//! The words of a stamp: month and weekday names in English and the common European
//! languages, time-zone abbreviations, the words introducing an update time, and the
//! filler words a stamp may hold. Only lists and look-ups; reading a line is
//! [`super::moment`]'s.

use chrono::FixedOffset;

/// Words that introduce the update part of a stamp.
pub(super) const UPDATE_WORDS: &[&str] = &[
    "updated",
    "modified",
    "edited",
    "revised",
    "modifié",
    "mis à jour",
    "actualisé",
    "actualizado",
    "actualizada",
    "aktualisiert",
    "aggiornato",
    "atualizado",
];

/// Words allowed in a stamp that carry no date information.
pub(super) const FILLERS: &[&str] = &[
    "published",
    "posted",
    "updated",
    "last",
    "modified",
    "edited",
    "revised",
    "first",
    "at",
    "on",
    "date",
    "time",
    "as",
    "of",
    "local",
    "et",
    "pt",
    "ct",
    "mt",
    "hrs",
    "created",
    "uploaded",
    "and",
    // French, Spanish, German, Italian, Portuguese.
    "publié",
    "publiée",
    "modifié",
    "actualisé",
    "actualizado",
    "actualizada",
    "aktualisiert",
    "aggiornato",
    "atualizado",
    "le",
    "à",
    "mis",
    "jour",
    "publicado",
    "publicada",
    "el",
    "de",
    "del",
    "a",
    "las",
    "h",
    "veröffentlicht",
    "um",
    "uhr",
    "pubblicato",
    "il",
    "alle",
    "ore",
    "às",
];

/// Weekday names and their short forms, lower case, in English and the common European
/// languages (also what an archive export's dated line may carry).
pub(crate) fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "sonnabend"
            | "miercoles"
            | "sabado"
            | "mon"
            | "monday"
            | "tue"
            | "tues"
            | "tuesday"
            | "wed"
            | "wednesday"
            | "thu"
            | "thur"
            | "thurs"
            | "thursday"
            | "fri"
            | "friday"
            | "sat"
            | "saturday"
            | "sun"
            | "sunday"
            // Portuguese ("segunda-feira" is read as two words), French,
            // Spanish, German, Italian.
            | "segunda"
            | "terça"
            | "quarta"
            | "quinta"
            | "sexta"
            | "sábado"
            | "domingo"
            | "feira"
            | "lundi"
            | "mardi"
            | "mercredi"
            | "jeudi"
            | "vendredi"
            | "samedi"
            | "dimanche"
            | "lunes"
            | "martes"
            | "miércoles"
            | "jueves"
            | "viernes"
            | "montag"
            | "dienstag"
            | "mittwoch"
            | "donnerstag"
            | "freitag"
            | "samstag"
            | "sonntag"
            | "lunedì"
            | "martedì"
            | "mercoledì"
            | "giovedì"
            | "venerdì"
            | "sabato"
    )
}

/// The number of a month name or its short form, lower case, in English and the common
/// European languages.
pub(crate) fn month_number(w: &str) -> Option<u32> {
    Some(match w {
        "mär" | "mrz" => 3,
        "fevr" => 2,
        "okt" => 10,
        "dez" => 12,
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        // French
        "janv" | "janvier" => 1,
        "févr" | "février" | "fevrier" => 2,
        "mars" => 3,
        "avr" | "avril" => 4,
        "mai" => 5,
        "juin" => 6,
        "juil" | "juillet" => 7,
        "août" | "aout" => 8,
        "septembre" => 9,
        "octobre" => 10,
        "novembre" => 11,
        "déc" | "décembre" | "decembre" => 12,
        // Spanish
        "ene" | "enero" => 1,
        "febrero" => 2,
        "marzo" => 3,
        "abr" | "abril" => 4,
        "mayo" => 5,
        "junio" => 6,
        "julio" => 7,
        "ago" | "agosto" => 8,
        "septiembre" | "setiembre" => 9,
        "octubre" => 10,
        "noviembre" => 11,
        "dic" | "diciembre" => 12,
        // German and Dutch
        "januar" | "januari" | "jänner" => 1,
        "februar" | "februari" => 2,
        "märz" | "maerz" | "maart" => 3,
        "juni" => 6,
        "juli" => 7,
        "augustus" => 8,
        "oktober" => 10,
        "dezember" => 12,
        // Italian
        "gennaio" => 1,
        "febbraio" => 2,
        "aprile" => 4,
        "maggio" => 5,
        "giugno" => 6,
        "luglio" => 7,
        "settembre" => 9,
        "ottobre" => 10,
        "dicembre" => 12,
        // Portuguese
        "janeiro" => 1,
        "fevereiro" => 2,
        "março" => 3,
        "maio" => 5,
        "junho" => 6,
        "julho" => 7,
        "setembro" => 9,
        "outubro" => 10,
        "novembro" => 11,
        "dezembro" => 12,
        // Indonesian and Malay (with the Dutch forms above)
        "maret" => 3,
        "mei" => 5,
        "agustus" | "ogos" => 8,
        "desember" | "disember" => 12,
        // Russian, in the genitive a date uses
        "января" => 1,
        "февраля" => 2,
        "марта" => 3,
        "апреля" => 4,
        "мая" => 5,
        "июня" => 6,
        "июля" => 7,
        "августа" => 8,
        "сентября" => 9,
        "октября" => 10,
        "ноября" => 11,
        "декабря" => 12,
        _ => return None,
    })
}

/// A time zone abbreviation: `Some(Some(offset))` for a known fixed offset,
/// `None` when the word is not a zone.
pub(super) fn zone_offset(w: &str) -> Option<Option<FixedOffset>> {
    let minutes = match w {
        "utc" | "gmt" | "z" => 0,
        "bst" | "cet" | "wat" => 60,
        "cest" | "eet" | "sast" | "cat" => 120,
        "eest" | "msk" | "eat" => 180,
        "ist" => 330,
        "wib" | "ict" => 420,
        "hkt" | "sgt" | "bjt" | "pht" | "awst" | "myt" => 480,
        "jst" | "kst" => 540,
        "aest" => 600,
        "aedt" => 660,
        "nzst" => 720,
        "nzdt" => 780,
        "edt" => -240,
        "est" | "cdt" => -300,
        "mdt" => -360,
        "cst" => return Some(None),
        "mst" | "pdt" => -420,
        "pst" => -480,
        _ => return None,
    };
    Some(FixedOffset::east_opt(minutes * 60))
}
