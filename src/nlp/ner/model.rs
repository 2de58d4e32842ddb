//! The trained model: feature weights in a compact hash table, tag transitions,
//! and the binary file format they are stored in.
//!
//! A model has one or two stages: the second re-tags a document with features
//! that see the first stage's tags for the whole document (stacking). Both stages
//! share one table: a feature's slot holds its weights for each stage, so one probe
//! serves both.
//!
//! File format (little-endian), version 3:
//! ```text
//! magic "RDOUTNER" | format u32 | feature set u32 | tags u32 | stages u32 | features u32
//!   | lexicon entries u32 | scale f32
//! per stage: start weights: tags x i32 | transitions: tags x tags x i32 (row = previous tag)
//! features, sorted by key: features x (key u64, stages x tags x i16)
//! lexicon, sorted by key: entries x (word hash u64, gazetteer flags u8)
//! BLAKE3 hash of everything above (32 bytes)
//! ```
//! Every length is checked and the hash verified, so a damaged file is an error,
//! never a panic. Weights are quantised: a score unit is `1 / scale` of a weight.

use super::features::FEATURE_SET;
use super::lexicon::Lexicon;
use super::tags::N_TAGS;
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"RDOUTNER";
const FORMAT: u32 = 3;
const HEADER: usize = 8 + 4 * 7;
const LEXICON_ROW: usize = 9;
const HASH: usize = 32;
/// The most stages a model may have.
pub const MAX_STAGES: usize = 2;
/// Bytes of one stage's start and transition weights.
const TABLE_BYTES: usize = 4 * N_TAGS * (N_TAGS + 1);

fn row_bytes(stages: usize) -> usize {
    8 + 2 * N_TAGS * stages
}

/// Why bytes are not a usable model.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FormatError {
    #[error("file too short ({0} bytes)")]
    TooShort(usize),
    #[error("not a readout tagger model (bad magic bytes)")]
    BadMagic,
    #[error("unsupported model format {0} (this readout reads format {FORMAT})")]
    UnsupportedFormat(u32),
    #[error("model built for feature set {found}, this readout extracts feature set {expected}")]
    FeatureSet { found: u32, expected: u32 },
    #[error("model has {0} tags, expected {N_TAGS}")]
    Tags(u32),
    #[error("model has {0} stages, expected 1 or {MAX_STAGES}")]
    Stages(u32),
    #[error("length {found} does not match the {expected} bytes the header announces")]
    Length { expected: usize, found: usize },
    #[error("checksum mismatch: the file is damaged")]
    Checksum,
}

/// A model file that could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("cannot read model file {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("model file {} is not usable", path.display())]
    Corrupt {
        path: PathBuf,
        #[source]
        source: FormatError,
    },
}

/// Scores of every tag in both stages: `[0..N_TAGS]` stage 1, the rest stage 2.
pub type StageScores = [i32; MAX_STAGES * N_TAGS];

/// A feature's weight for each tag in each stage.
type Row = [i16; MAX_STAGES * N_TAGS];

/// A [`Row`] alone in its cache line. Rows are read at random (one per feature
/// found, three or four per token); packed at 36 bytes, more than half of them
/// straddle two lines, so a padded row saves a memory access per hit.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Line(Row);

/// One stage's sequence weights.
#[derive(Clone, Debug, PartialEq)]
pub struct Transitions {
    /// Weight of each tag at a sentence start.
    pub start: [i32; N_TAGS],
    /// `transitions[prev][cur]`.
    pub transitions: [[i32; N_TAGS]; N_TAGS],
}

/// A loaded model.
pub struct Model {
    /// The feature table, open addressing: per slot, a 32-bit fingerprint of the key
    /// (low half; 0 = empty) and the index of its weights in `rows` (high half), so
    /// that probing, misses included, stays in one small array and a hit reads its
    /// row straight away. Rows are dense, in file order.
    slots: Vec<u64>,
    /// Bit `i` set when slot `i` is taken: a key whose first slot is empty is
    /// absent, and this answers it from 32 KB instead of a random line of the
    /// 2 MB slot array (most of the tagger's probes, for word pairs never seen
    /// in training, end there).
    taken: Vec<u64>,
    rows: Vec<Line>,
    mask: usize,
    /// Sequence weights per stage (one or two).
    pub stages: Vec<Transitions>,
    features: usize,
    lexicon: Lexicon,
    version: String,
    /// The first 8 bytes of the file's hash: tells models apart in caches.
    id: u64,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("version", &self.version)
            .field("features", &self.features)
            .finish()
    }
}

fn fingerprint(key: u64) -> u32 {
    ((key >> 32) as u32) | 1
}

impl Model {
    /// Reads and checks a model file.
    pub fn load(path: &Path) -> Result<Model, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Model::from_bytes(&bytes).map_err(|source| ModelError::Corrupt {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Decodes and checks a model.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, FormatError> {
        Model::decode(bytes, None)
    }

    /// Decodes the model embedded in the binary, whose version is known: every length
    /// is checked, but not the BLAKE3 hash (hashing 4 MB is a third of the start-up;
    /// a test checks the embedded file's hash against `version`).
    pub(crate) fn from_embedded(bytes: &[u8], version: &str) -> Result<Model, FormatError> {
        Model::decode(bytes, Some(version))
    }

    /// Decodes a model; `known_version` skips the hash and names the model.
    fn decode(bytes: &[u8], known_version: Option<&str>) -> Result<Model, FormatError> {
        let mut r = Reader { bytes, at: 0 };
        if bytes.len() < HEADER + TABLE_BYTES + HASH {
            return Err(FormatError::TooShort(bytes.len()));
        }
        if r.take(8) != Some(MAGIC.as_slice()) {
            return Err(FormatError::BadMagic);
        }
        let format = r.u32();
        if format != FORMAT {
            return Err(FormatError::UnsupportedFormat(format));
        }
        let feature_set = r.u32();
        if feature_set != FEATURE_SET {
            return Err(FormatError::FeatureSet {
                found: feature_set,
                expected: FEATURE_SET,
            });
        }
        let tags = r.u32();
        if tags as usize != N_TAGS {
            return Err(FormatError::Tags(tags));
        }
        let n_stages = r.u32();
        if n_stages == 0 || n_stages as usize > MAX_STAGES {
            return Err(FormatError::Stages(n_stages));
        }
        let n_stages = n_stages as usize;
        let features = r.u32() as usize;
        let lexicon_entries = r.u32() as usize;
        let _scale = r.u32();
        let expected = features
            .checked_mul(row_bytes(n_stages))
            .and_then(|n| n.checked_add(HEADER + TABLE_BYTES * n_stages + HASH))
            .and_then(|n| n.checked_add(lexicon_entries.checked_mul(LEXICON_ROW)?))
            .unwrap_or(usize::MAX);
        if bytes.len() != expected {
            return Err(FormatError::Length {
                expected,
                found: bytes.len(),
            });
        }
        let body = bytes.len() - HASH;
        let (version, id) = match known_version {
            Some(v) => (v.to_string(), super::hash::bytes(v.as_bytes())),
            None => {
                let digest = blake3::hash(bytes.get(..body).unwrap_or_default());
                if bytes.get(body..) != Some(digest.as_bytes().as_slice()) {
                    return Err(FormatError::Checksum);
                }
                let id = u64::from_le_bytes(digest.as_bytes()[..8].try_into().unwrap_or_default());
                (format!("ner-{}", &digest.to_hex()[..12]), id)
            }
        };
        let mut stages = Vec::with_capacity(n_stages);
        for _ in 0..n_stages {
            let mut start = [0i32; N_TAGS];
            for s in &mut start {
                *s = r.i32();
            }
            let mut transitions = [[0i32; N_TAGS]; N_TAGS];
            for row in &mut transitions {
                for t in row.iter_mut() {
                    *t = r.i32();
                }
            }
            stages.push(Transitions { start, transitions });
        }
        let capacity = (features * 2).next_power_of_two().max(16);
        let mut model = Model {
            slots: vec![0; capacity],
            taken: vec![0; capacity.div_ceil(64)],
            rows: Vec::with_capacity(features),
            mask: capacity - 1,
            stages,
            features,
            lexicon: Lexicon::default(),
            version,
            id,
        };
        let row_len = row_bytes(n_stages);
        let table = bytes
            .get(r.at..r.at + features * row_len)
            .unwrap_or_default();
        for row in table.chunks_exact(row_len) {
            let (key, weights) = row.split_at(8);
            let mut w: Row = [0; MAX_STAGES * N_TAGS];
            for (x, b) in w.iter_mut().zip(weights.chunks_exact(2)) {
                *x = i16::from_le_bytes([b[0], b[1]]);
            }
            model.insert(u64::from_le_bytes(key.try_into().unwrap_or_default()), w);
        }
        r.at += features * row_len;
        let lexicon = bytes
            .get(r.at..r.at + lexicon_entries * LEXICON_ROW)
            .unwrap_or_default();
        let entries: Vec<(u64, u8)> = lexicon
            .chunks_exact(LEXICON_ROW)
            .map(|e| {
                let (key, flags) = e.split_at(8);
                (
                    u64::from_le_bytes(key.try_into().unwrap_or_default()),
                    flags.first().copied().unwrap_or(0),
                )
            })
            .collect();
        model.lexicon = Lexicon::from_entries(&entries);
        Ok(model)
    }

    fn insert(&mut self, key: u64, weights: Row) {
        let fp = fingerprint(key);
        let mut i = key as usize & self.mask;
        while let Some(slot) = self.slots.get_mut(i) {
            if *slot == 0 {
                *slot = u64::from(fp) | (self.rows.len() as u64) << 32;
                self.rows.push(Line(weights));
                if let Some(bits) = self.taken.get_mut(i / 64) {
                    *bits |= 1 << (i % 64);
                }
                return;
            }
            if *slot as u32 == fp {
                // A fingerprint collision (about one in 2^31): merge the weights.
                if let Some(row) = self.rows.get_mut((*slot >> 32) as usize) {
                    for (a, b) in row.0.iter_mut().zip(weights) {
                        *a = a.saturating_add(b);
                    }
                }
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    fn find(&self, key: u64) -> Option<&Row> {
        // The table is at most half full, so every probe sequence ends at an empty slot.
        self.row_of(key)
            .and_then(|row| self.rows.get(row as usize))
            .map(|line| &line.0)
    }

    /// Adds the weights of feature `key` in every stage, if the model knows it.
    #[inline]
    pub fn add_feature(&self, key: u64, scores: &mut StageScores) {
        if let Some(row) = self.find(key) {
            for (s, w) in scores.iter_mut().zip(row) {
                *s += i32::from(*w);
            }
        }
    }

    /// Where feature `key`'s weights are, if the model knows it: what
    /// [`Model::add_row`] takes. Lets a caller that meets the same key again and
    /// again remember the answer instead of probing the table each time.
    #[inline]
    pub(crate) fn row_of(&self, key: u64) -> Option<u32> {
        let fp = fingerprint(key);
        let mut i = key as usize & self.mask;
        if self
            .taken
            .get(i / 64)
            .is_none_or(|bits| bits >> (i % 64) & 1 == 0)
        {
            return None;
        }
        while let Some(&slot) = self.slots.get(i) {
            let f = slot as u32;
            if f == fp {
                return Some((slot >> 32) as u32);
            }
            if f == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
        None
    }

    /// Adds the weights at `row` (from [`Model::row_of`]) in every stage: the same
    /// as [`Model::add_feature`] of the key that gave it.
    #[inline]
    pub(crate) fn add_row(&self, row: u32, scores: &mut StageScores) {
        if let Some(Line(row)) = self.rows.get(row as usize) {
            for (s, w) in scores.iter_mut().zip(row) {
                *s += i32::from(*w);
            }
        }
    }

    /// Adds the weights of feature `key` in stage 2 only (to `scores[N_TAGS..]`).
    #[inline]
    pub fn add_stage2_feature(&self, key: u64, scores: &mut StageScores) {
        if let Some(row) = self.find(key) {
            for (s, w) in scores.iter_mut().zip(row).skip(N_TAGS) {
                *s += i32::from(*w);
            }
        }
    }

    /// The gazetteer flags of words, for the features.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// A number that differs between models (from the file's hash).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The number of features with weights.
    pub fn feature_count(&self) -> usize {
        self.features
    }

    /// "ner-" and the first 12 hex digits of the file's BLAKE3 hash.
    pub fn version(&self) -> &str {
        &self.version
    }
}

/// Reads little-endian numbers; past the end it yields zeros (lengths are checked first).
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.bytes.get(self.at..self.at + n);
        self.at += n;
        s
    }

    fn array<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        if let Some(s) = self.take(N) {
            out.copy_from_slice(s);
        }
        out
    }

    fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.array())
    }

    fn i32(&mut self) -> i32 {
        i32::from_le_bytes(self.array())
    }
}

/// One stage's float weights, before quantisation: what the trainer produces.
#[derive(Clone)]
pub struct Weights {
    pub start: [f32; N_TAGS],
    pub transitions: [[f32; N_TAGS]; N_TAGS],
    /// (feature key, weight per tag), any order, keys distinct.
    pub features: Vec<(u64, [f32; N_TAGS])>,
}

impl Weights {
    /// Encodes a one-stage model; see [`encode_stages`].
    pub fn encode(&self, lexicon: &Lexicon, prune: f32) -> Vec<u8> {
        encode_stages(std::slice::from_ref(self), lexicon, prune)
    }
}

/// Encodes one or two stages as a model file. A feature is kept when its largest
/// weight (in absolute value) in some stage reaches `prune`; weights are quantised
/// to i16 with one scale for the whole model.
pub fn encode_stages(stages: &[Weights], lexicon: &Lexicon, prune: f32) -> Vec<u8> {
    let stages = stages
        .get(..stages.len().min(MAX_STAGES))
        .unwrap_or_default();
    let n = stages.len();
    let mut rows: std::collections::HashMap<u64, [f32; MAX_STAGES * N_TAGS]> =
        std::collections::HashMap::new();
    for (s, stage) in stages.iter().enumerate() {
        for (key, w) in &stage.features {
            let row = rows.entry(*key).or_insert([0.0; MAX_STAGES * N_TAGS]);
            for (t, x) in w.iter().enumerate() {
                row[s * N_TAGS + t] = *x;
            }
        }
    }
    let mut kept: Vec<(u64, [f32; MAX_STAGES * N_TAGS])> = rows
        .into_iter()
        .filter(|(_, w)| w.iter().any(|x| x.abs() >= prune && x.abs() > 0.0))
        .collect();
    kept.sort_by_key(|(k, _)| *k);
    let max = kept
        .iter()
        .flat_map(|(_, w)| w.iter())
        .fold(1e-6f32, |m, x| m.max(x.abs()));
    // The largest feature weight maps to the largest i16.
    let scale = f32::from(i16::MAX) / max;
    let q32 = |x: f32| (x * scale).round().clamp(-1e9, 1e9) as i32;
    let mut out = Vec::with_capacity(HEADER + TABLE_BYTES * n + kept.len() * row_bytes(n) + HASH);
    out.extend_from_slice(MAGIC);
    let lexicon = lexicon.entries();
    let counts = [n as u32, kept.len() as u32, lexicon.len() as u32];
    for v in [FORMAT, FEATURE_SET, N_TAGS as u32]
        .into_iter()
        .chain(counts)
    {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&scale.to_bits().to_le_bytes());
    for stage in stages {
        for x in stage.start {
            out.extend_from_slice(&q32(x).to_le_bytes());
        }
        for row in &stage.transitions {
            for t in row {
                out.extend_from_slice(&q32(*t).to_le_bytes());
            }
        }
    }
    for (key, w) in kept {
        out.extend_from_slice(&key.to_le_bytes());
        for x in w.iter().take(n * N_TAGS) {
            let q = (x * scale)
                .round()
                .clamp(f32::from(i16::MIN), f32::from(i16::MAX));
            out.extend_from_slice(&(q as i16).to_le_bytes());
        }
    }
    for (key, flags) in lexicon {
        out.extend_from_slice(&key.to_le_bytes());
        out.push(flags);
    }
    let digest = blake3::hash(&out);
    out.extend_from_slice(digest.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let mut start = [0.0; N_TAGS];
        start[1] = 0.5;
        let mut transitions = [[0.0; N_TAGS]; N_TAGS];
        transitions[1][5] = 1.0;
        Weights {
            start,
            transitions,
            features: vec![
                (42, [2.0, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]),
                (7, [0.0001; N_TAGS]),
                (u64::MAX, [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.5]),
            ],
        }
        .encode(&Lexicon::from_entries(&[(11, 3)]), 0.01)
    }

    #[test]
    fn round_trip_prunes_and_quantises() {
        let m = Model::from_bytes(&sample()).unwrap();
        assert_eq!(m.feature_count(), 2, "the tiny feature is pruned");
        assert_eq!(m.stages.len(), 1);
        let mut s = [0; MAX_STAGES * N_TAGS];
        m.add_feature(42, &mut s);
        assert_eq!(s[0], i32::from(i16::MAX));
        assert!((s[1] + 16384).abs() <= 1, "{}", s[1]);
        let mut t = [0; MAX_STAGES * N_TAGS];
        m.add_feature(7, &mut t);
        m.add_feature(12345, &mut t);
        assert_eq!(t, [0; MAX_STAGES * N_TAGS], "unknown features add nothing");
        m.add_feature(u64::MAX, &mut t);
        assert!(t[8] < 0);
        assert!(m.stages[0].transitions[1][5] > m.stages[0].transitions[5][1]);
        assert!(m.stages[0].start[1] > 0);
        assert!(m.version().starts_with("ner-") && m.version().len() == 16);
        assert_eq!(m.lexicon().get(11), 3);
    }

    #[test]
    fn two_stages_share_one_table() {
        let mut a = Weights {
            start: [0.0; N_TAGS],
            transitions: [[0.0; N_TAGS]; N_TAGS],
            features: vec![(5, [1.0; N_TAGS])],
        };
        let mut b = a.clone();
        b.features = vec![(5, [-1.0; N_TAGS]), (6, [0.5; N_TAGS])];
        b.start[2] = 1.0;
        a.start[3] = 1.0;
        let m = Model::from_bytes(&encode_stages(&[a, b], &Lexicon::default(), 0.0)).unwrap();
        assert_eq!((m.stages.len(), m.feature_count()), (2, 2));
        let mut s = [0; MAX_STAGES * N_TAGS];
        m.add_feature(5, &mut s);
        assert!(s[0] > 0 && s[N_TAGS] < 0);
        let mut s = [0; MAX_STAGES * N_TAGS];
        m.add_stage2_feature(6, &mut s);
        assert!(s[0] == 0 && s[N_TAGS] > 0);
        assert!(m.stages[0].start[3] > 0 && m.stages[1].start[2] > 0);
    }

    #[test]
    fn damage_is_an_error_not_a_panic() {
        let good = sample();
        assert!(matches!(
            Model::from_bytes(&[]),
            Err(FormatError::TooShort(0))
        ));
        let mut bad = good.clone();
        bad[0] = b'X';
        assert_eq!(Model::from_bytes(&bad).unwrap_err(), FormatError::BadMagic);
        let mut bad = good.clone();
        let last = bad.len() - 40;
        bad[last] ^= 1;
        assert_eq!(Model::from_bytes(&bad).unwrap_err(), FormatError::Checksum);
        let truncated = &good[..good.len() - 1];
        assert!(matches!(
            Model::from_bytes(truncated),
            Err(FormatError::Length { .. })
        ));
        let mut bad = good.clone();
        bad[12] = 99;
        assert!(matches!(
            Model::from_bytes(&bad),
            Err(FormatError::FeatureSet { .. })
        ));
        // Every truncation of a valid file is rejected cleanly.
        for n in 0..good.len() {
            assert!(Model::from_bytes(&good[..n]).is_err());
        }
    }

    #[test]
    fn missing_file_names_the_path() {
        let err = Model::load(Path::new("/nonexistent/readout-model.bin")).unwrap_err();
        assert!(err.to_string().contains("readout-model.bin"), "{err}");
    }
}
