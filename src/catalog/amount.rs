//! Hours and money as exact hundredths, and which of them are unknown.

use std::fmt;

/// Which of a credential's hours and cost were written `unknown`: no source gives them. The
/// amount beside an unknown is 0, and is never a reason to prefer the credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Unknowns {
    pub hours: bool,
    pub cost: bool,
}

/// Hours or money in hundredths, so sums and comparisons are exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(pub i64);

impl Amount {
    pub const ZERO: Amount = Amount(0);

    /// Rounds to hundredths.
    pub fn from_f64(value: f64) -> Amount {
        Amount((value * 100.0).round() as i64)
    }

    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    pub fn hundredths(self) -> i64 {
        self.0
    }

    /// As money is written: `499`, or `70.50` when there are cents.
    pub fn money(self) -> String {
        if self.0 % 100 == 0 {
            self.to_string()
        } else {
            format!("{:.2}", self.as_f64())
        }
    }
}

impl std::ops::Add for Amount {
    type Output = Amount;
    fn add(self, other: Amount) -> Amount {
        Amount(self.0.saturating_add(other.0))
    }
}

impl std::ops::AddAssign for Amount {
    fn add_assign(&mut self, other: Amount) {
        *self = *self + other;
    }
}

impl std::ops::Sub for Amount {
    type Output = Amount;
    fn sub(self, other: Amount) -> Amount {
        Amount(self.0.saturating_sub(other.0))
    }
}

impl std::iter::Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, |total, amount| total + amount)
    }
}

/// `120`, `49.99`, `0.5`: whole numbers without decimals.
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let (whole, cents) = (self.0.unsigned_abs() / 100, self.0.unsigned_abs() % 100);
        match cents {
            0 => write!(f, "{sign}{whole}"),
            c if c % 10 == 0 => write!(f, "{sign}{whole}.{}", c / 10),
            c => write!(f, "{sign}{whole}.{c:02}"),
        }
    }
}

/// JSON numbers: an integer when whole, else a decimal.
impl serde::Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            serializer.serialize_i64(self.0 / 100)
        } else {
            serializer.serialize_f64(self.as_f64())
        }
    }
}

/// The exact hundredths, for the catalog cache, where a JSON number would round.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `with` passes a reference
pub(super) mod exact {
    use super::Amount;

    pub fn serialize<S: serde::Serializer>(
        amount: &Amount,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(amount.0)
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Amount, D::Error> {
        <i64 as serde::Deserialize>::deserialize(deserializer).map(Amount)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_print_like_people_write_them() {
        assert_eq!(Amount::from_f64(120.0).to_string(), "120");
        assert_eq!(Amount::from_f64(49.99).to_string(), "49.99");
        assert_eq!(Amount::from_f64(0.5).to_string(), "0.5");
        assert_eq!(Amount::from_f64(1.05).to_string(), "1.05");
    }

    #[test]
    fn money_has_two_decimals_when_it_has_cents() {
        assert_eq!(Amount::from_f64(70.5).money(), "70.50");
        assert_eq!(Amount::from_f64(499.0).money(), "499");
    }

    #[test]
    fn amounts_serialize_whole_numbers_as_integers() {
        let json = serde_json::to_string(&[Amount::from_f64(499.0), Amount::from_f64(49.5)])
            .expect("serializes");
        assert_eq!(json, "[499,49.5]");
    }
}
