//! Closed vocabularies: the fixed sets of values that record fields take
//! (factuality, source kinds, place levels, time grains …), as enums whose
//! JSON is exactly the `isnad/1` string (or number) of each value.
//!
//! Every vocabulary has `ALL` (the values in the schema's order), `as_str()`
//! (or `number()`), an English `label()`, `FromStr` (the error names the bad
//! value and the allowed ones) and `Display` (the JSON text). The [`Vocab`]
//! trait gives generic code the same.

use std::fmt;

/// A value outside a closed vocabulary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownValue {
    /// What the vocabulary is (`factuality`, `source kind` …).
    pub vocabulary: &'static str,
    /// The value given.
    pub value: String,
    /// The values allowed, as written in JSON.
    pub expected: &'static [&'static str],
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} {:?} (expected one of {})", self.vocabulary, self.value, self.expected.join(", "))
    }
}

impl std::error::Error for UnknownValue {}

/// What every closed vocabulary offers, for code over any of them.
pub trait Vocab: Copy + Eq + fmt::Debug + fmt::Display + serde::Serialize + 'static {
    /// What the vocabulary is called in messages.
    const NAME: &'static str;
    /// Every value, in the schema's order.
    fn all() -> &'static [Self];
    /// The English label of a value.
    fn label(self) -> &'static str;
}

/// The label of a vocabulary value: the one given, else its JSON string.
macro_rules! label_or {
    ($s:literal) => {
        $s
    };
    ($s:literal, $label:literal) => {
        $label
    };
}

/// Implements [`Vocab`] for a vocabulary enum with `ALL` and `label`.
macro_rules! impl_vocab {
    ($name:ident, $what:literal) => {
        impl $crate::vocab::Vocab for $name {
            const NAME: &'static str = $what;

            fn all() -> &'static [Self] {
                $name::ALL
            }

            fn label(self) -> &'static str {
                $name::label(self)
            }
        }
    };
}

/// Defines a vocabulary of strings: an enum whose variants serialise to the
/// given strings, optionally with an English label (else the string is the label).
macro_rules! string_vocab {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $s:literal $(($label:literal))? ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $s)] $variant, )+
        }

        impl $name {
            /// Every value, in the schema's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every value as written in JSON, in the order of `ALL`.
            pub const VALUES: &'static [&'static str] = &[$($s),+];

            /// The value as written in JSON.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $s,)+
                }
            }

            /// The English label.
            pub const fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $crate::vocab::label_or!($s $(, $label)?),)+
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::vocab::UnknownValue;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($s => Ok($name::$variant),)+
                    _ => Err($crate::vocab::UnknownValue {
                        vocabulary: $what,
                        value: s.to_string(),
                        expected: $name::VALUES,
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            /// The JSON string, padded and aligned like a string (`{:<10}`).
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        $crate::vocab::impl_vocab!($name, $what);
    };
}

/// Defines a vocabulary of small numbers: an enum whose variants serialise to
/// the given integers, each with an English label.
macro_rules! number_vocab {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $n:literal ($label:literal) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum $name {
            $( $(#[$vmeta])* $variant = $n, )+
        }

        impl $name {
            /// Every value, in the schema's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every value as text, in the order of `ALL`.
            pub const VALUES: &'static [&'static str] = &[$(stringify!($n)),+];

            /// The value as written in JSON.
            pub const fn number(self) -> u8 {
                self as u8
            }

            /// The English label.
            pub const fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }

            fn unknown(value: impl ToString) -> $crate::vocab::UnknownValue {
                $crate::vocab::UnknownValue { vocabulary: $what, value: value.to_string(), expected: $name::VALUES }
            }
        }

        impl TryFrom<u8> for $name {
            type Error = $crate::vocab::UnknownValue;

            fn try_from(n: u8) -> Result<Self, Self::Error> {
                match n {
                    $($n => Ok($name::$variant),)+
                    _ => Err($name::unknown(n)),
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::vocab::UnknownValue;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse::<u8>().ok().and_then(|n| $name::try_from(n).ok()).ok_or_else(|| $name::unknown(s))
            }
        }

        impl std::fmt::Display for $name {
            /// The number, formatted like a number (`{:>3}`).
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Display::fmt(&self.number(), f)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_u8(self.number())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let n = <u8 as serde::Deserialize>::deserialize(d)?;
                $name::try_from(n).map_err(serde::de::Error::custom)
            }
        }

        $crate::vocab::impl_vocab!($name, $what);
    };
}

pub(crate) use {impl_vocab, label_or, number_vocab, string_vocab};
