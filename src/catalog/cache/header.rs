//! The fixed header every cache file starts with: a magic string, a layout version and four
//! numbers (the lengths and hashes of what follows, in an order each file kind decides).

/// The size of a header after a magic of `magic_len` bytes.
pub(super) const fn size(magic_len: usize) -> usize {
    magic_len + 4 + 4 * 8
}

/// The four numbers of `header` (exactly a header's bytes) when it starts with `magic` and
/// `version`; `None` for anything else, so a file of another kind or layout is a miss.
pub(super) fn numbers(header: &[u8], magic: &[u8], version: u32) -> Option<[u64; 4]> {
    let rest = header.strip_prefix(magic)?;
    let (found, rest) = rest.split_at_checked(4)?;
    if found != version.to_le_bytes() || rest.len() != 4 * 8 {
        return None;
    }
    let mut numbers = [0; 4];
    for (number, bytes) in numbers.iter_mut().zip(rest.chunks_exact(8)) {
        *number = u64::from_le_bytes(bytes.try_into().ok()?);
    }
    Some(numbers)
}

#[cfg(test)]
mod tests {
    use super::{numbers, size};

    fn header(magic: &[u8], version: u32, values: [u64; 4]) -> Vec<u8> {
        let mut bytes = magic.to_vec();
        bytes.extend_from_slice(&version.to_le_bytes());
        for value in values {
            bytes.extend_from_slice(&value.to_le_bytes());
        }
        bytes
    }

    #[test]
    fn a_header_gives_its_numbers_only_with_its_magic_and_version() {
        let bytes = header(b"magic", 3, [1, 2, u64::MAX, 4]);
        assert_eq!(bytes.len(), size(5));
        assert_eq!(numbers(&bytes, b"magic", 3), Some([1, 2, u64::MAX, 4]));
        assert_eq!(numbers(&bytes, b"magix", 3), None);
        assert_eq!(numbers(&bytes, b"magic", 4), None);
        assert_eq!(numbers(&bytes[..bytes.len() - 1], b"magic", 3), None);
        assert_eq!(
            numbers(&[bytes.as_slice(), &[0]].concat(), b"magic", 3),
            None
        );
    }
}
