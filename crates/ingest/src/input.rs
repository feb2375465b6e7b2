//! Reading rows out of files: encoding (UTF-8, or GB18030 detected and decoded), CSV with a
//! header in any column order, or JSON Lines; every row carries its file line number.

use crate::IngestError;
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::Path;

/// The columns a file kind knows, and which of them a CSV header must have.
pub(crate) struct Schema {
    /// Column names, lower case; a row's fields are addressed by position in this list.
    pub columns: &'static [&'static str],
    /// How many of the first `columns` are required in a CSV header.
    pub required: usize,
}

/// One input row, addressed by schema position. Fields are trimmed; empty fields are `None`.
pub(crate) trait Row {
    fn get(&self, col: usize) -> Option<&str>;
}

/// A row that could not even be split into fields (bad UTF-8, wrong field count, bad JSON).
pub(crate) type RowResult<'r> = Result<&'r dyn Row, String>;

/// Where a reader sends what it reads.
pub(crate) trait RowSink {
    /// A data row starting at `line`.
    fn row(&mut self, line: u64, row: RowResult<'_>) -> Result<(), IngestError>;
    /// `bytes` of the file have been read.
    fn progress(&mut self, bytes: u64);
}

/// How a file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    Csv,
    JsonLines,
}

/// Sees how a file is laid out: by extension, else by its first non-blank byte.
pub(crate) fn sniff_layout(path: &Path) -> Result<Layout, IngestError> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if matches!(ext.as_str(), "jsonl" | "ndjson" | "json") {
        return Ok(Layout::JsonLines);
    }
    if ext == "csv" {
        return Ok(Layout::Csv);
    }
    let mut head = [0u8; 512];
    let n = File::open(path).and_then(|mut f| f.read(&mut head)).map_err(|e| IngestError::io(path, e))?;
    let first =
        head[..n].iter().copied().find(|b| !(b.is_ascii_whitespace() || *b == 0xEF || *b == 0xBB || *b == 0xBF));
    Ok(if first == Some(b'{') { Layout::JsonLines } else { Layout::Csv })
}

/// An opened input: the byte stream (decoded to UTF-8 if needed) and its size.
pub(crate) struct Input {
    pub reader: Box<dyn BufRead>,
    pub bytes: u64,
    /// Set when the file was not UTF-8 and was decoded from GB18030.
    pub decoded_from: Option<&'static str>,
    /// Lines end in CR LF (Windows exports).
    pub crlf: bool,
}

/// Opens a file as UTF-8: a UTF-8 BOM is skipped; a file that is not UTF-8 but reads cleanly as
/// GB18030 (the encoding of many Chinese bank exports) is decoded; anything else is refused.
pub(crate) fn open(path: &Path) -> Result<Input, IngestError> {
    let mut file = File::open(path).map_err(|e| IngestError::io(path, e))?;
    let bytes = file.metadata().map_err(|e| IngestError::io(path, e))?.len();
    let mut sample = Vec::with_capacity(1 << 16);
    (&mut file).take(1 << 16).read_to_end(&mut sample).map_err(|e| IngestError::io(path, e))?;
    let bom = sample.starts_with(&[0xEF, 0xBB, 0xBF]);
    let crlf = sample.windows(2).any(|w| w == b"\r\n");
    if looks_utf8(&sample, sample.len() as u64 == bytes) {
        file.seek(SeekFrom::Start(if bom { 3 } else { 0 })).map_err(|e| IngestError::io(path, e))?;
        return Ok(Input {
            reader: Box::new(BufReader::with_capacity(1 << 20, file)),
            bytes,
            decoded_from: None,
            crlf,
        });
    }
    let mut all = sample;
    file.read_to_end(&mut all).map_err(|e| IngestError::io(path, e))?;
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(&all);
    if had_errors {
        return Err(IngestError::Encoding(format!(
            "{}: neither UTF-8 nor GB18030; convert it to UTF-8 (e.g. iconv -t UTF-8)",
            path.display()
        )));
    }
    let text = text.into_owned().into_bytes();
    Ok(Input { bytes: text.len() as u64, reader: Box::new(Cursor::new(text)), decoded_from: Some("GB18030"), crlf })
}

/// True when `sample` is UTF-8, allowing a character cut off at the end of a partial sample.
fn looks_utf8(sample: &[u8], whole_file: bool) -> bool {
    match std::str::from_utf8(sample) {
        Ok(_) => true,
        Err(e) => !whole_file && e.error_len().is_none() && sample.len() - e.valid_up_to() < 4,
    }
}

struct CsvRow<'a> {
    record: &'a csv::StringRecord,
    map: &'a [Option<usize>],
}

impl Row for CsvRow<'_> {
    fn get(&self, col: usize) -> Option<&str> {
        let s = self.record.get(self.map[col]?)?.trim();
        (!s.is_empty()).then_some(s)
    }
}

/// What reading a CSV header found.
pub(crate) struct Header {
    /// Header columns that the schema does not know.
    pub unknown: Vec<String>,
}

/// Reads a CSV file row by row into `sink`. Fails as a whole only when the header lacks a required column.
pub(crate) fn read_csv(
    path: &Path,
    input: Input,
    schema: &Schema,
    sink: &mut dyn RowSink,
) -> Result<Header, IngestError> {
    // The csv reader counts a record's line before it has consumed the LF of the previous
    // record's CR LF, so in CR LF files every data row is reported one line early.
    let line_fix = u64::from(input.crlf);
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(input.reader);
    let mut record = csv::StringRecord::new();
    let header = match rdr.read_record(&mut record) {
        Ok(true) => record.clone(),
        Ok(false) => return Err(IngestError::Header(format!("{}: empty file, expected a header row", path.display()))),
        Err(e) => return Err(IngestError::Header(format!("{}:1: unreadable header: {e}", path.display()))),
    };
    let names = header_names(&header);
    let map: Vec<Option<usize>> = schema.columns.iter().map(|c| names.iter().position(|n| n == c)).collect();
    let missing: Vec<&str> =
        schema.columns[..schema.required].iter().zip(&map).filter(|(_, m)| m.is_none()).map(|(c, _)| *c).collect();
    if !missing.is_empty() {
        return Err(IngestError::Header(format!(
            "{}:1: header lacks required column(s) {}; it has: {}",
            path.display(),
            missing.join(", "),
            names.join(", ")
        )));
    }
    let unknown = names.iter().filter(|n| !schema.columns.contains(&n.as_str())).cloned().collect();
    let width = header.len();
    let mut n: u64 = 0;
    loop {
        let line_of = |rdr: &csv::Reader<Box<dyn BufRead>>| rdr.position().line();
        let line = line_of(&rdr) + line_fix;
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(line, |p| p.line() + line_fix);
                if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
                    continue; // a blank line
                }
                if record.len() != width {
                    sink.row(line, Err(format!("row has {} fields, the header has {width}", record.len())))?;
                } else {
                    sink.row(line, Ok(&CsvRow { record: &record, map: &map }))?;
                }
            }
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line() + line_fix);
                let why = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => "not valid UTF-8 text".to_string(),
                    _ => e.to_string(),
                };
                sink.row(line, Err(why))?;
            }
        }
        n += 1;
        if n.is_multiple_of(65_536) {
            sink.progress(rdr.position().byte());
        }
    }
    sink.progress(rdr.position().byte());
    Ok(Header { unknown })
}

/// Lower-cased, trimmed header names; a repeated name gets `.1`, `.2`, ... (AMLworld's two
/// `Account` columns become `account` and `account.1`).
fn header_names(header: &csv::StringRecord) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(header.len());
    for h in header {
        let base = h.trim().to_ascii_lowercase();
        let mut name = base.clone();
        let mut k = 1;
        while names.contains(&name) {
            name = format!("{base}.{k}");
            k += 1;
        }
        names.push(name);
    }
    names
}

pub(crate) struct JsonRow {
    fields: Vec<Option<String>>,
}

impl Row for JsonRow {
    fn get(&self, col: usize) -> Option<&str> {
        self.fields[col].as_deref()
    }
}

/// One JSON object as a row of `schema`: keys are the column names (any case), numbers are taken
/// by their literal text (so `"amount": 12.5` is exact), null or blank means absent. Keys the schema
/// does not know are noted in `unknown` (up to 32) and ignored.
pub(crate) fn json_row(text: &str, schema: &Schema, unknown: &mut Vec<String>) -> Result<JsonRow, String> {
    let object = match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(o)) => o,
        Ok(_) => return Err("not a JSON object".into()),
        Err(e) => return Err(format!("not valid JSON: {e}")),
    };
    let mut fields = vec![None; schema.columns.len()];
    for (key, value) in object {
        let Some(col) = schema.columns.iter().position(|c| key.eq_ignore_ascii_case(c)) else {
            if unknown.len() < 32 && !unknown.contains(&key) {
                unknown.push(key);
            }
            continue;
        };
        fields[col] = match value {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            serde_json::Value::Bool(b) => Some(b.to_string()),
            _ => return Err(format!("{key}: must be a string or a number")),
        };
    }
    Ok(JsonRow { fields })
}

/// Reads a JSON Lines file: one object per line, keys as the CSV column names; numbers are
/// taken by their literal text (so `"amount": 12.5` is exact). Blank lines are skipped.
pub(crate) fn read_json_lines(input: Input, schema: &Schema, sink: &mut dyn RowSink) -> Result<Header, IngestError> {
    let mut reader = input.reader;
    let mut buf = Vec::new();
    let (mut line, mut bytes) = (0u64, 0u64);
    let mut unknown: Vec<String> = Vec::new();
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).map_err(|e| IngestError::Io { path: String::new(), source: e })?;
        if n == 0 {
            break;
        }
        line += 1;
        bytes += n as u64;
        if line.is_multiple_of(65_536) {
            sink.progress(bytes);
        }
        let Ok(text) = std::str::from_utf8(&buf) else {
            sink.row(line, Err("not valid UTF-8 text".into()))?;
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        match json_row(text, schema, &mut unknown) {
            Ok(row) => sink.row(line, Ok(&row))?,
            Err(why) => sink.row(line, Err(why))?,
        }
    }
    sink.progress(bytes);
    Ok(Header { unknown })
}
