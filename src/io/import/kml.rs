//! KML placemarks (Google Earth's files, and the KML inside a KMZ) as rows for the column
//! step: name, description, the date of a `TimeStamp` or `TimeSpan`, the point, and every
//! `ExtendedData` value as a column of its own. The XML is read as a stream with quick-xml;
//! nesting deeper than any real KML is refused, so a crafted file cannot exhaust the stack
//! or memory of whatever walks it next.

use super::table::{TableWriter, Text};
use super::text::LineCounter;
use crate::io::LoadError;
use quick_xml::events::{BytesStart, Event};

/// Folders in folders: real files stay far below this.
pub const MAX_DEPTH: usize = 100;

/// Whether text is a KML document.
pub fn is_kml(text: &str) -> bool {
    let head = super::text::head(text, 4096);
    head.trim_start().starts_with('<') && head.contains("<kml")
}

/// One placemark as read.
#[derive(Default)]
struct Placemark {
    line: usize,
    name: String,
    description: String,
    when: String,
    end: String,
    point: Option<(String, String)>,
    extended: Vec<(String, String)>,
}

/// What is being read inside a placemark.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    None,
    Name,
    Description,
    When,
    Begin,
    End,
    Coordinates,
    Value,
}

pub fn read(file: &str, text: &str) -> Result<Text<'static>, LoadError> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = false;
    let mut lines = LineCounter::default();
    let mut depth = 0usize;
    let mut marks: Vec<Placemark> = Vec::new();
    let mut current: Option<Placemark> = None;
    // Depth of the placemark's element, and whether a point has been met inside it.
    let mut mark_depth = 0;
    let mut field = Field::None;
    let mut in_point = false;
    let mut data_name: Option<String> = None;
    let mut buf = String::new();
    let mut no_point = Vec::new();
    loop {
        let at = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            let pos = reader.error_position() as usize;
            LoadError::file(file, format!("not well-formed KML: {e}"))
                .at_line(Some(LineCounter::default().line_of(text.as_bytes(), pos)))
        })?;
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(LoadError::file(
                        file,
                        format!("elements nested more than {MAX_DEPTH} deep; refused, as no real KML nests so far"),
                    )
                    .at_line(Some(lines.line_of(text.as_bytes(), at))));
                }
                let local = e.local_name();
                let name = local.as_ref();
                if name == "Placemark" && current.is_none() {
                    current = Some(Placemark {
                        line: lines.line_of(text.as_bytes(), at),
                        ..Default::default()
                    });
                    mark_depth = depth;
                    continue;
                }
                let Some(mark) = current.as_mut() else {
                    continue;
                };
                buf.clear();
                field = match name {
                    "name" if depth == mark_depth + 1 => Field::Name,
                    "description" if depth == mark_depth + 1 => Field::Description,
                    "when" => Field::When,
                    "begin" => Field::Begin,
                    "end" => Field::End,
                    "coordinates" if in_point => Field::Coordinates,
                    "value" if data_name.is_some() => Field::Value,
                    "SimpleData" => {
                        data_name = attr(&e, "name");
                        Field::Value
                    }
                    _ => Field::None,
                };
                match name {
                    "Point" => in_point = mark.point.is_none(),
                    "Data" => data_name = attr(&e, "name"),
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if depth + 1 > MAX_DEPTH {
                    return Err(LoadError::file(
                        file,
                        format!("elements nested more than {MAX_DEPTH} deep"),
                    ));
                }
                if current.is_none() && e.local_name().as_ref() == "Placemark" {
                    no_point.push(lines.line_of(text.as_bytes(), at));
                }
            }
            Event::Text(t) if field != Field::None => buf.push_str(&t.xml10_content()),
            Event::CData(t) if field != Field::None => {
                buf.push_str(&t.into_inner());
            }
            Event::GeneralRef(r) if field != Field::None => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    buf.push(c);
                } else if let Some(s) = quick_xml::escape::resolve_xml_entity(&r.xml10_content()) {
                    buf.push_str(s);
                }
            }
            Event::End(e) => {
                let local = e.local_name();
                let name = local.as_ref();
                if let Some(mark) = current.as_mut() {
                    if depth == mark_depth && name == "Placemark" {
                        marks.push(current.take().unwrap_or_default());
                    } else {
                        let value = buf.trim().to_owned();
                        match field {
                            Field::Name => mark.name = value,
                            Field::Description => mark.description = value,
                            Field::When | Field::Begin if mark.when.is_empty() => mark.when = value,
                            Field::End if mark.end.is_empty() => mark.end = value,
                            Field::Coordinates => {
                                let first = value.split_whitespace().next().unwrap_or("");
                                let mut parts = first.split(',');
                                let lon = parts.next().unwrap_or("").trim().to_owned();
                                let lat = parts.next().unwrap_or("").trim().to_owned();
                                mark.point = Some((lat, lon));
                                in_point = false;
                            }
                            Field::Value => {
                                if let Some(n) = data_name.take() {
                                    mark.extended.push((n, value));
                                }
                            }
                            _ => {}
                        }
                        field = Field::None;
                        buf.clear();
                        if name == "Point" {
                            in_point = false;
                        }
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if depth > 0 && marks.is_empty() && current.is_none() {
        return Err(LoadError::file(
            file,
            "the KML document ends before it is closed",
        ));
    }
    table(marks, no_point)
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.trim().to_owned())
}

/// The fixed columns; ExtendedData's names follow, in order of first appearance.
pub const COLUMNS: [&str; 6] = [
    "name",
    "description",
    "when",
    "end",
    "latitude",
    "longitude",
];

fn table(marks: Vec<Placemark>, mut no_point: Vec<usize>) -> Result<Text<'static>, LoadError> {
    let mut extra: Vec<String> = Vec::new();
    for m in &marks {
        for (k, _) in &m.extended {
            if !extra.contains(k) && !COLUMNS.contains(&k.to_lowercase().as_str()) {
                extra.push(k.clone());
            }
        }
    }
    let mut out = TableWriter::default();
    let header: Vec<String> = COLUMNS
        .iter()
        .map(|c| (*c).to_owned())
        .chain(extra.iter().cloned())
        .collect();
    out.row(1, &header);
    for m in marks {
        let Some((lat, lon)) = m.point else {
            no_point.push(m.line);
            continue;
        };
        let mut row = vec![m.name, m.description, m.when, m.end, lat, lon];
        row.extend(extra.iter().map(|k| {
            m.extended
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        }));
        out.row(m.line, &row);
    }
    let mut text = out.finish();
    no_point.sort_unstable();
    if !no_point.is_empty() {
        let lines: Vec<String> = no_point.iter().take(5).map(|l| l.to_string()).collect();
        text.notes.push(format!(
            "{} without a point (a line, a shape or nothing) left out, at line {}{}",
            if no_point.len() == 1 {
                "1 placemark".to_owned()
            } else {
                format!("{} placemarks", no_point.len())
            },
            lines.join(", "),
            if no_point.len() > 5 { ", ..." } else { "" }
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
<Document><name>Test</name>
  <Folder><name>2021</name>
    <Placemark>
      <name>Kabul airport &amp; Abbey Gate</name>
      <description><![CDATA[<b>Suicide</b> bombing]]></description>
      <TimeStamp><when>2021-08-26T17:50:00Z</when></TimeStamp>
      <ExtendedData><Data name="killed"><value>170</value></Data></ExtendedData>
      <Point><coordinates>69.2124,34.5651,0</coordinates></Point>
    </Placemark>
    <Placemark>
      <name>A route</name>
      <LineString><coordinates>69,34 70,35</coordinates></LineString>
    </Placemark>
    <kml:Placemark xmlns:kml="http://www.opengis.net/kml/2.2">
      <kml:name>Month only</kml:name>
      <kml:TimeSpan><kml:begin>2019-11</kml:begin><kml:end>2019-12</kml:end></kml:TimeSpan>
      <kml:ExtendedData><kml:SchemaData><kml:SimpleData name="group">ISKP</kml:SimpleData></kml:SchemaData></kml:ExtendedData>
      <kml:Point><kml:coordinates> 70.45,34.43 </kml:coordinates></kml:Point>
    </kml:Placemark>
  </Folder>
</Document></kml>
"#;

    #[test]
    fn placemarks_become_rows_with_their_lines() {
        let t = read("f.kml", KML).unwrap();
        let lines: Vec<&str> = t.body.lines().collect();
        assert_eq!(
            lines[0],
            "name,description,when,end,latitude,longitude,killed,group"
        );
        assert_eq!(
            lines[1],
            "Kabul airport & Abbey Gate,<b>Suicide</b> bombing,2021-08-26T17:50:00Z,,34.5651,69.2124,170,"
        );
        assert_eq!(lines[2], "Month only,,2019-11,2019-12,34.43,70.45,,ISKP");
        assert_eq!((t.line_in_file(2), t.line_in_file(3)), (5, 16));
        assert!(
            t.notes[0].contains("1 placemark without a point") && t.notes[0].contains("line 12")
        );
    }

    #[test]
    fn hostile_and_broken_kml_is_refused_with_a_reason() {
        let deep = format!(
            "<kml>{}{}</kml>",
            "<Folder>".repeat(5000),
            "</Folder>".repeat(5000)
        );
        let e = read("deep.kml", &deep).unwrap_err();
        assert!(e.message.contains("nested more than 100"), "{e}");
        let e = read("bad.kml", "<kml>\n<Placemark>\n<name>x</nam\n").unwrap_err();
        assert!(e.line.is_some(), "{e}");
        assert!(is_kml(KML) && !is_kml("date,lat\n"));
        let wide = format!("<kml>{}", "é".repeat(3000));
        assert!(is_kml(&wide), "cut at a character, not a byte");
    }
}
