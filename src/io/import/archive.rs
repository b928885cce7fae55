//! Zip archives (XLSX, ODS and KMZ are all zips), opened only once it is known they stay a
//! sane size when expanded: a few kilobytes can hold gigabytes of repeated bytes.

use crate::io::LoadError;
use std::io::{Cursor, Read};

pub type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// The most an archive may expand to: twenty times its size, at least 64 MB (a small
/// spreadsheet's XML packs far tighter than twenty to one) and at most 1 GB.
pub fn expansion_limit(size: usize) -> u64 {
    (size as u64).saturating_mul(20).clamp(64 << 20, 1 << 30)
}

/// More entries than any workbook or KMZ has.
const MAX_ENTRIES: usize = 10_000;

/// What an archive holds, for telling its kind.
#[derive(Debug, PartialEq, Eq)]
pub enum Kind {
    Xlsx,
    Ods,
    /// A KMZ, with the name of its main KML document.
    Kmz(String),
}

pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Opens an archive after expanding every entry once, counting, and refusing it at the
/// limit. The sizes an archive declares are not trusted: the count is of what comes out.
pub fn open<'a>(file: &str, bytes: &'a [u8]) -> Result<(Zip<'a>, Kind), LoadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| LoadError::file(file, format!("not a readable zip archive: {e}")))?;
    if zip.len() > MAX_ENTRIES {
        return Err(LoadError::file(
            file,
            format!(
                "the archive holds {} files, more than the {MAX_ENTRIES} the atlas opens",
                zip.len()
            ),
        ));
    }
    let limit = expansion_limit(bytes.len());
    let too_big = || {
        LoadError::file(
            file,
            format!(
                "the archive would expand to more than {} MB ({}x its size); refused, as such files are built to exhaust memory",
                limit >> 20,
                limit / (bytes.len().max(1) as u64)
            ),
        )
    };
    let mut names = Vec::with_capacity(zip.len());
    let mut total = 0u64;
    for i in 0..zip.len() {
        let entry = zip
            .by_index(i)
            .map_err(|e| LoadError::file(file, format!("a damaged entry in the archive: {e}")))?;
        names.push(entry.name().map(|n| n.into_owned()).unwrap_or_default());
        total = total.saturating_add(entry.size());
        if total > limit {
            return Err(too_big());
        }
    }
    let mut expanded = 0u64;
    for i in 0..zip.len() {
        let entry = zip
            .by_index(i)
            .map_err(|e| LoadError::file(file, format!("a damaged entry in the archive: {e}")))?;
        let n = std::io::copy(&mut entry.take(limit - expanded + 1), &mut std::io::sink())
            .map_err(|e| {
                LoadError::file(
                    file,
                    format!("a damaged entry in the archive ({}): {e}", names[i]),
                )
            })?;
        expanded += n;
        if expanded > limit {
            return Err(too_big());
        }
    }
    let has = |n: &str| names.iter().any(|x| x == n);
    let kind = if has("xl/workbook.xml") {
        Kind::Xlsx
    } else if has("content.xml") && is_ods_mimetype(&mut zip) {
        Kind::Ods
    } else if let Some(kml) = names
        .iter()
        .find(|n| n.as_str() == "doc.kml")
        .or_else(|| names.iter().find(|n| n.to_lowercase().ends_with(".kml")))
    {
        Kind::Kmz(kml.clone())
    } else if has("xl/workbook.bin") {
        return Err(LoadError::file(
            file,
            "an Excel binary workbook (XLSB): save it as XLSX or CSV and open it again",
        ));
    } else {
        return Err(LoadError::file(
            file,
            "a zip archive that is not an XLSX or ODS workbook or a KMZ file",
        ));
    };
    Ok((zip, kind))
}

fn is_ods_mimetype(zip: &mut Zip<'_>) -> bool {
    let Ok(entry) = zip.by_name("mimetype") else {
        // Some writers leave the mimetype out; content.xml with a spreadsheet is enough.
        return true;
    };
    let mut s = String::new();
    let _ = entry.take(200).read_to_string(&mut s);
    s.contains("spreadsheet")
}

/// One entry as text, read up to the archive's limit.
pub fn text(file: &str, zip: &mut Zip<'_>, name: &str) -> Result<String, LoadError> {
    let entry = zip
        .by_name(name)
        .map_err(|e| LoadError::file(file, format!("cannot open {name} in the archive: {e}")))?;
    let mut bytes = Vec::new();
    entry
        .take(1 << 30)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::file(file, format!("cannot read {name} in the archive: {e}")))?;
    super::text::decode(&format!("{file} ({name})"), &bytes).map(|t| t.into_owned())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A zip of `(name, bytes)` entries, deflated.
    pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in entries {
            w.start_file(*name, options).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_zip_bomb_is_refused_before_it_is_read() {
        let zeros = vec![0u8; 80 << 20];
        let bomb = zip_of(&[("xl/workbook.xml", b"<workbook/>"), ("xl/big.xml", &zeros)]);
        assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
        let e = open("bomb.xlsx", &bomb).unwrap_err();
        assert!(e.message.contains("expand to more than 64 MB"), "{e}");
    }

    #[test]
    fn archives_are_told_apart_by_what_they_hold() {
        let kind = |entries: &[(&str, &[u8])]| open("f", &zip_of(entries)).map(|(_, k)| k);
        assert_eq!(kind(&[("xl/workbook.xml", b"x")]).unwrap(), Kind::Xlsx);
        assert_eq!(
            kind(&[
                (
                    "mimetype",
                    b"application/vnd.oasis.opendocument.spreadsheet"
                ),
                ("content.xml", b"x")
            ])
            .unwrap(),
            Kind::Ods
        );
        assert_eq!(
            kind(&[("files/a.png", b"x"), ("places.kml", b"<kml/>")]).unwrap(),
            Kind::Kmz("places.kml".into())
        );
        assert!(
            kind(&[("a.txt", b"x")])
                .unwrap_err()
                .message
                .contains("not an XLSX")
        );
        assert!(
            open("f", b"PK\x03\x04garbage")
                .unwrap_err()
                .message
                .contains("zip")
        );
    }
}
