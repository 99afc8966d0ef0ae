//! The test server's memory: authorization codes, access and refresh tokens and device authorizations, each in
//! a table with a cap (the oldest entry goes first) and an expiry, so no client can grow the server without
//! bound. Time is tokio's clock, so tests can move it forward instead of sleeping.

use crate::oauth::pkce::Challenge;
use base64::Engine;
use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard, PoisonError};
use tokio::time::{Duration, Instant};

/// How long an entry is kept after it expired, so it can be reported as expired rather than unknown.
const KEEP_EXPIRED: Duration = Duration::from_secs(600);
/// An access token's lifetime unless the token request asks for another (`expires_in`).
pub const ACCESS_LIFETIME: Duration = Duration::from_secs(3600);
/// Authorization codes live 60 s and are single-use.
pub const CODE_LIFETIME: Duration = Duration::from_secs(60);
/// A refresh token lives a day, and only until it is used once (it is rotated).
const REFRESH_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);
/// A device authorization waits ten minutes for the user (RFC 8628 `expires_in`).
pub const DEVICE_LIFETIME: Duration = Duration::from_secs(600);
/// The polling interval the device flow announces and enforces (RFC 8628 `interval`).
pub const DEVICE_INTERVAL: Duration = Duration::from_secs(1);

const MAX_CODES: usize = 1_000;
const MAX_ACCESS_TOKENS: usize = 10_000;
const MAX_REFRESH_TOKENS: usize = 10_000;
const MAX_DEVICES: usize = 1_000;

/// What a token or code stands for: which client asked, for which scope, on whose behalf (`None` when the
/// client acts for itself, as with client credentials).
#[derive(Clone, Debug)]
pub struct Grant {
    pub client_id: &'static str,
    pub scope: String,
    pub user: Option<String>,
}

/// An authorization code waiting to be exchanged.
pub struct Code {
    pub grant: Grant,
    /// Exactly as the client sent it, since the token request must repeat it exactly.
    pub redirect_uri: String,
    pub challenge: Option<Challenge>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DeviceState {
    Pending,
    Approved,
    Denied,
}

/// A device authorization (RFC 8628): the device polls with `device_code`, the user approves `user_code`.
pub struct Device {
    pub grant: Grant,
    pub user_code: String,
    pub state: DeviceState,
    pub last_poll: Option<Instant>,
}

/// The outcome of looking an entry up.
pub enum Lookup<T> {
    Live { value: T, expires: Instant },
    Expired,
    Unknown,
}

/// One table: entries by key, each with its expiry, and the order they came in so the oldest can be evicted.
pub struct Table<T> {
    cap: usize,
    entries: HashMap<String, (Instant, T)>,
    /// Insertion order; may still name keys removed since, which eviction skips.
    order: VecDeque<String>,
}

impl<T> Table<T> {
    fn new(cap: usize) -> Self {
        Table {
            cap,
            entries: HashMap::new(),
            order: VecDeque::new(),
        }
    }

    pub fn insert(&mut self, key: String, value: T, lifetime: Duration, now: Instant) {
        self.forget_old(now);
        while self.entries.len() >= self.cap {
            match self.order.pop_front() {
                Some(oldest) => {
                    self.entries.remove(&oldest);
                }
                None => break,
            }
        }
        self.entries.insert(key.clone(), (now + lifetime, value));
        self.order.push_back(key);
    }

    /// Drops entries that expired long enough ago, and the order's stale keys once they pile up.
    fn forget_old(&mut self, now: Instant) {
        self.entries
            .retain(|_, (expires, _)| *expires + KEEP_EXPIRED > now);
        if self.order.len() > 2 * self.cap.max(self.entries.len()) {
            let entries = &self.entries;
            self.order.retain(|key| entries.contains_key(key));
        }
    }

    pub fn get(&mut self, key: &str, now: Instant) -> Lookup<&mut T> {
        match self.entries.get_mut(key) {
            None => Lookup::Unknown,
            Some((expires, _)) if *expires <= now => Lookup::Expired,
            Some((expires, value)) => Lookup::Live {
                value,
                expires: *expires,
            },
        }
    }

    /// Removes the entry whatever its state: codes and refresh tokens are spent by being presented.
    pub fn take(&mut self, key: &str, now: Instant) -> Lookup<T> {
        match self.entries.remove(key) {
            None => Lookup::Unknown,
            Some((expires, _)) if expires <= now => Lookup::Expired,
            Some((expires, value)) => Lookup::Live { value, expires },
        }
    }

    pub fn remove(&mut self, key: &str) {
        self.entries.remove(key);
    }

    /// The first unexpired entry `matches` accepts, with its key.
    pub fn find_mut(
        &mut self,
        now: Instant,
        matches: impl Fn(&T) -> bool,
    ) -> Option<(&String, &mut T)> {
        self.entries
            .iter_mut()
            .find(|(_, (expires, value))| *expires > now && matches(value))
            .map(|(key, (_, value))| (key, value))
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.len()
    }
}

pub struct Tables {
    pub codes: Table<Code>,
    pub access: Table<Grant>,
    pub refresh: Table<Grant>,
    pub devices: Table<Device>,
}

/// Tokens as the token endpoint and the implicit redirect hand them out.
pub struct Issued {
    pub access_token: String,
    pub expires_in: u64,
    pub refresh_token: Option<String>,
    pub scope: String,
}

impl Tables {
    /// A new access token for `grant`, living `lifetime`, and a refresh token for `refresh` beside it when
    /// there is one. The two grants differ only when a refresh narrows the scope: the new refresh token keeps
    /// the original scope (RFC 6749 §6).
    pub fn issue(
        &mut self,
        grant: Grant,
        lifetime: Duration,
        refresh: Option<Grant>,
        now: Instant,
    ) -> Issued {
        let access_token = fresh_secret();
        let refresh_token = refresh.map(|refresh_grant| {
            let token = fresh_secret();
            self.refresh
                .insert(token.clone(), refresh_grant, REFRESH_LIFETIME, now);
            token
        });
        let scope = grant.scope.clone();
        self.access
            .insert(access_token.clone(), grant, lifetime, now);
        Issued {
            access_token,
            expires_in: lifetime.as_secs(),
            refresh_token,
            scope,
        }
    }
}

pub struct Store(Mutex<Tables>);

impl Default for Store {
    fn default() -> Self {
        Store(Mutex::new(Tables {
            codes: Table::new(MAX_CODES),
            access: Table::new(MAX_ACCESS_TOKENS),
            refresh: Table::new(MAX_REFRESH_TOKENS),
            devices: Table::new(MAX_DEVICES),
        }))
    }
}

impl Store {
    /// The tables, locked. A panic while they were held leaves nothing half-written that matters here, so a
    /// poisoned lock is simply taken over.
    pub fn lock(&self) -> MutexGuard<'_, Tables> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// 244 random bits from the system's generator, URL-safe: codes and tokens must not be guessable.
pub fn fresh_secret() -> String {
    let mut bytes = [0u8; 32];
    bytes[..16].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
    bytes[16..].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_table_evicts_its_oldest_entry() {
        let now = Instant::now();
        let mut table = Table::new(3);
        for key in ["a", "b", "c", "d"] {
            table.insert(key.to_string(), key, Duration::from_secs(60), now);
        }
        assert_eq!(table.len(), 3);
        assert!(matches!(table.get("a", now), Lookup::Unknown));
        assert!(matches!(table.get("d", now), Lookup::Live { .. }));
    }

    #[test]
    fn expired_entries_are_reported_then_forgotten() {
        let now = Instant::now();
        let mut table = Table::new(10);
        table.insert("a".to_string(), 1, Duration::from_secs(1), now);
        let later = now + Duration::from_secs(2);
        assert!(matches!(table.get("a", later), Lookup::Expired));
        table.insert(
            "b".to_string(),
            2,
            Duration::from_secs(1),
            later + KEEP_EXPIRED,
        );
        assert!(matches!(table.get("a", later), Lookup::Unknown));
    }

    #[test]
    fn removed_keys_do_not_pile_up_in_the_order() {
        let now = Instant::now();
        let mut table = Table::new(4);
        for i in 0..100 {
            let key = i.to_string();
            table.insert(key.clone(), i, Duration::from_secs(60), now);
            table.remove(&key);
        }
        assert!(table.order.len() <= 9, "{}", table.order.len());
    }

    #[test]
    fn secrets_differ_and_are_url_safe() {
        let (a, b) = (fresh_secret(), fresh_secret());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert!(a
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }
}
