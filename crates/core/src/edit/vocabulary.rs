//! Edit stage: the closed choices of a request (raw language, API key location, fetch's options), each
//! declared once with its wire name (what JSON, share links and selects carry) and its label (what a person
//! reads), so that serializers, selects and loaders all read the same table.

/// Declares an enum whose variants serialize as their wire names, the first being the default, with
/// `ALL` (in order), `IDS` (their wire names, in the same order), `as_str`, `label` and `parse`.
#[macro_export]
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $wire:literal, $label:literal);+ $(;)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            #[default]
            $(#[serde(rename = $wire)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The wire names, in the order of `ALL`.
            pub const IDS: &'static [&'static str] = &[$($wire),+];
            /// The labels, in the order of `ALL`.
            pub const LABELS: &'static [&'static str] = &[$($label),+];

            /// The name this value has in JSON, links and selects.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            /// What a person reads for it.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn parse(text: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.as_str() == text)
            }
        }

        impl $crate::edit::vocabulary::Vocabulary for $name {
            const ALL: &'static [$name] = $name::ALL;
            const IDS: &'static [&'static str] = $name::IDS;
            const LABELS: &'static [&'static str] = $name::LABELS;
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
            fn label(self) -> &'static str {
                $name::label(self)
            }
        }
    };
}

/// What every `vocabulary!` enum has, for code that serves them all (a select bound to one of them).
pub trait Vocabulary: Copy + PartialEq + Send + Sync + 'static {
    /// Every value, in the order a select lists them.
    const ALL: &'static [Self];
    /// Their wire names, in the same order.
    const IDS: &'static [&'static str];
    /// Their labels, in the same order.
    const LABELS: &'static [&'static str];
    /// The wire name.
    fn as_str(self) -> &'static str;
    /// What a person reads.
    fn label(self) -> &'static str;
    /// The value with this wire name.
    fn parse(text: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == text)
    }
}

#[cfg(test)]
mod tests {
    use crate::edit::model::{
        ApiKeyLocation, CacheMode, CredentialsMode, RawLanguage, RedirectMode,
    };

    /// Each wire name reads back as its value, serde writes the same name, and `IDS` follows `ALL`.
    fn holds<T>(
        all: &[T],
        ids: &[&str],
        as_str: fn(&T) -> &'static str,
        parse: fn(&str) -> Option<T>,
    ) where
        T: Copy + PartialEq + std::fmt::Debug + serde::Serialize,
    {
        assert_eq!(all.len(), ids.len());
        for (value, id) in all.iter().zip(ids) {
            assert_eq!(as_str(value), *id);
            assert_eq!(parse(id), Some(*value));
            assert_eq!(
                serde_json::to_string(value).expect("serializes"),
                format!("\"{id}\"")
            );
        }
        assert_eq!(parse("no such name"), None);
    }

    #[test]
    fn every_vocabulary_reads_back_its_wire_names() {
        holds(
            RawLanguage::ALL,
            RawLanguage::IDS,
            |v| v.as_str(),
            RawLanguage::parse,
        );
        holds(
            ApiKeyLocation::ALL,
            ApiKeyLocation::IDS,
            |v| v.as_str(),
            ApiKeyLocation::parse,
        );
        holds(
            RedirectMode::ALL,
            RedirectMode::IDS,
            |v| v.as_str(),
            RedirectMode::parse,
        );
        holds(
            CredentialsMode::ALL,
            CredentialsMode::IDS,
            |v| v.as_str(),
            CredentialsMode::parse,
        );
        holds(
            CacheMode::ALL,
            CacheMode::IDS,
            |v| v.as_str(),
            CacheMode::parse,
        );
        assert_eq!(RawLanguage::Json.label(), "JSON");
        assert_eq!(ApiKeyLocation::default(), ApiKeyLocation::Header);
    }
}
