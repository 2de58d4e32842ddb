//! The trained model: feature weights in a compact hash table, tag transitions,
//! and the binary file format they are stored in.
//!
//! File format (little-endian), version 1:
//! ```text
//! magic "RDOUTNER" | format u32 | feature set u32 | tags u32 | features u32 | scale f32
//! start weights: tags x i32 | transitions: tags x tags x i32 (row = previous tag)
//! features, sorted by key: features x (key u64, tags x i16)
//! BLAKE3 hash of everything above (32 bytes)
//! ```
//! Every length is checked and the hash verified, so a damaged file is an error,
//! never a panic. Weights are quantised: a score unit is `1 / scale` of a weight.

use super::features::FEATURE_SET;
use super::tags::N_TAGS;
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"RDOUTNER";
const FORMAT: u32 = 1;
const HEADER: usize = 8 + 4 * 5;
const HASH: usize = 32;
const ROW: usize = 8 + 2 * N_TAGS;
const TABLE_BYTES: usize = 4 * N_TAGS * (N_TAGS + 1);

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

/// One slot of the feature table: a 32-bit fingerprint of the key (0 = empty) and
/// the feature's weight for each tag.
#[derive(Clone, Copy, Default)]
struct Slot {
    fingerprint: u32,
    weights: [i16; N_TAGS],
}

/// A loaded model.
pub struct Model {
    slots: Vec<Slot>,
    mask: usize,
    /// Weight of each tag at a sentence start.
    pub start: [i32; N_TAGS],
    /// `transitions[prev][cur]`.
    pub transitions: [[i32; N_TAGS]; N_TAGS],
    features: usize,
    version: String,
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
        let features = r.u32() as usize;
        let _scale = r.u32();
        let expected = features
            .checked_mul(ROW)
            .and_then(|n| n.checked_add(HEADER + TABLE_BYTES + HASH))
            .unwrap_or(usize::MAX);
        if bytes.len() != expected {
            return Err(FormatError::Length {
                expected,
                found: bytes.len(),
            });
        }
        let body = bytes.len() - HASH;
        let digest = blake3::hash(bytes.get(..body).unwrap_or_default());
        if bytes.get(body..) != Some(digest.as_bytes().as_slice()) {
            return Err(FormatError::Checksum);
        }
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
        let capacity = (features * 2).next_power_of_two().max(16);
        let mut model = Model {
            slots: vec![Slot::default(); capacity],
            mask: capacity - 1,
            start,
            transitions,
            features,
            version: format!("ner-{}", &digest.to_hex()[..12]),
        };
        for _ in 0..features {
            let key = r.u64();
            let mut weights = [0i16; N_TAGS];
            for w in &mut weights {
                *w = r.i16();
            }
            model.insert(key, weights);
        }
        Ok(model)
    }

    fn insert(&mut self, key: u64, weights: [i16; N_TAGS]) {
        let fp = fingerprint(key);
        let mut i = key as usize & self.mask;
        loop {
            let Some(slot) = self.slots.get_mut(i) else {
                return;
            };
            if slot.fingerprint == 0 {
                *slot = Slot {
                    fingerprint: fp,
                    weights,
                };
                return;
            }
            if slot.fingerprint == fp {
                // A fingerprint collision (about one in 2^31): merge the weights.
                for (a, b) in slot.weights.iter_mut().zip(weights) {
                    *a = a.saturating_add(b);
                }
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds the weights of feature `key`, if the model knows it, to `scores`.
    #[inline]
    pub fn add_feature(&self, key: u64, scores: &mut [i32; N_TAGS]) {
        let fp = fingerprint(key);
        let mut i = key as usize & self.mask;
        // The table is at most half full, so every probe sequence ends at an empty slot.
        while let Some(slot) = self.slots.get(i) {
            if slot.fingerprint == fp {
                for (s, w) in scores.iter_mut().zip(slot.weights) {
                    *s += i32::from(w);
                }
                return;
            }
            if slot.fingerprint == 0 {
                return;
            }
            i = (i + 1) & self.mask;
        }
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

    fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.array())
    }

    fn i16(&mut self) -> i16 {
        i16::from_le_bytes(self.array())
    }
}

/// Float weights, before quantisation: what the trainer produces.
pub struct Weights {
    pub start: [f32; N_TAGS],
    pub transitions: [[f32; N_TAGS]; N_TAGS],
    /// (feature key, weight per tag), any order, keys distinct.
    pub features: Vec<(u64, [f32; N_TAGS])>,
}

impl Weights {
    /// Encodes the weights as a model file. Features whose largest weight (in
    /// absolute value) is below `prune` are dropped; the rest are quantised to i16.
    pub fn encode(&self, prune: f32) -> Vec<u8> {
        let mut kept: Vec<&(u64, [f32; N_TAGS])> = self
            .features
            .iter()
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
        let mut out = Vec::with_capacity(HEADER + TABLE_BYTES + kept.len() * ROW + HASH);
        out.extend_from_slice(MAGIC);
        for n in [FORMAT, FEATURE_SET, N_TAGS as u32, kept.len() as u32] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        out.extend_from_slice(&scale.to_bits().to_le_bytes());
        for s in self.start {
            out.extend_from_slice(&q32(s).to_le_bytes());
        }
        for row in &self.transitions {
            for t in row {
                out.extend_from_slice(&q32(*t).to_le_bytes());
            }
        }
        for (key, w) in kept {
            out.extend_from_slice(&key.to_le_bytes());
            for x in w {
                let q = (x * scale)
                    .round()
                    .clamp(f32::from(i16::MIN), f32::from(i16::MAX));
                out.extend_from_slice(&(q as i16).to_le_bytes());
            }
        }
        let digest = blake3::hash(&out);
        out.extend_from_slice(digest.as_bytes());
        out
    }
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
        .encode(0.01)
    }

    #[test]
    fn round_trip_prunes_and_quantises() {
        let m = Model::from_bytes(&sample()).unwrap();
        assert_eq!(m.feature_count(), 2, "the tiny feature is pruned");
        let mut s = [0; N_TAGS];
        m.add_feature(42, &mut s);
        assert_eq!(s[0], i32::from(i16::MAX));
        assert!((s[1] + 16384).abs() <= 1, "{}", s[1]);
        let mut t = [0; N_TAGS];
        m.add_feature(7, &mut t);
        m.add_feature(12345, &mut t);
        assert_eq!(t, [0; N_TAGS], "unknown features add nothing");
        m.add_feature(u64::MAX, &mut t);
        assert!(t[8] < 0);
        assert!(m.transitions[1][5] > m.transitions[5][1]);
        assert!(m.start[1] > 0);
        assert!(m.version().starts_with("ner-") && m.version().len() == 16);
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
        bad[12] = 9;
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
