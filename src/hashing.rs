//! How keys are hashed to find duplicates in objects of more than 16 keys.
//!
//! A hash set keeps duplicate detection linear, but only if no one can craft
//! keys that collide. Natively, std's `RandomState` is keyed from the OS. On
//! wasm32-unknown-unknown std has no random source and keys `RandomState`
//! from the address of a stack byte and of a heap byte, which are the same in
//! every fresh instance of this module: anyone with the package could compute
//! keys that all collide, and make one 1 MiB payload take quadratic time.
//! There the keys are SipHash-1-3 keys that JavaScript draws from
//! `crypto.getRandomValues` when it instantiates the module
//! ([`seed`], called from `wasm.rs`).

#[cfg(not(target_arch = "wasm32"))]
pub(crate) type KeyHashing = std::collections::hash_map::RandomState;

#[cfg(target_arch = "wasm32")]
pub(crate) use seeded::{seed, Seeded as KeyHashing};

#[cfg(target_arch = "wasm32")]
mod seeded {
    use std::cell::Cell;
    use std::hash::BuildHasher;

    use siphasher::sip::SipHasher13;

    thread_local! {
        /// The keys: zero until JavaScript seeds them.
        static KEYS: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
    }

    /// Sets the keys of every hash set made from now on.
    pub(crate) fn seed(k0: u64, k1: u64) {
        KEYS.with(|keys| keys.set((k0, k1)));
    }

    /// SipHash-1-3 under the seeded keys.
    #[derive(Clone)]
    pub(crate) struct Seeded(u64, u64);

    impl Default for Seeded {
        fn default() -> Self {
            let (k0, k1) = KEYS.with(Cell::get);
            Seeded(k0, k1)
        }
    }

    impl BuildHasher for Seeded {
        type Hasher = SipHasher13;

        fn build_hasher(&self) -> SipHasher13 {
            SipHasher13::new_with_keys(self.0, self.1)
        }
    }
}
