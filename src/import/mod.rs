//! Importers of other standards' data into catalog files: the Credential Registry's CTDL.

pub mod ctdl;
