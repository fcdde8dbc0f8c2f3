//! The byte budget shared by the indexer's workers and its writer, which bounds the memory
//! of the files read, analyzed or waiting to be written.

/// A budget of bytes shared by the workers and the writer: a worker takes a file's bytes
/// before reading it and the writer gives them back once the file is in the transaction.
/// Waiting happens only while holding nothing, so no two holders wait on each other.
pub(super) struct Budget {
    cap: u64,
    used: std::sync::Mutex<u64>,
    freed: std::sync::Condvar,
}

/// Bytes taken from a [`Budget`], given back on drop.
pub(super) struct Permit<'b> {
    budget: &'b Budget,
    bytes: u64,
}

impl Budget {
    pub(super) fn new(cap: u64) -> Budget {
        Budget {
            cap: cap.max(1),
            used: std::sync::Mutex::new(0),
            freed: std::sync::Condvar::new(),
        }
    }

    /// Waits until `bytes` fit (or nothing else is held: a file over the cap goes alone).
    pub(super) fn take(&self, bytes: u64) -> Permit<'_> {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        while *used > 0 && used.saturating_add(bytes) > self.cap {
            used = self.freed.wait(used).unwrap_or_else(|e| e.into_inner());
        }
        *used += bytes;
        Permit {
            budget: self,
            bytes,
        }
    }

    fn give_back(&self, bytes: u64) {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        *used -= bytes;
        drop(used);
        self.freed.notify_all();
    }
}

impl Permit<'_> {
    /// Holds `bytes` instead (a decompressed page is bigger than its file): gives back
    /// first, then waits, so a waiting holder never holds anything.
    pub(super) fn resize(&mut self, bytes: u64) {
        if bytes <= self.bytes {
            return;
        }
        self.budget.give_back(std::mem::take(&mut self.bytes));
        *self = self.budget.take(bytes);
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        if self.bytes > 0 {
            self.budget.give_back(self.bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Budget;
    use std::sync::atomic::{AtomicU64, Ordering};

    #[test]
    fn the_budget_never_lets_more_bytes_in_than_it_holds_except_one_alone() {
        let budget = Budget::new(100);
        let held = AtomicU64::new(0);
        let most = AtomicU64::new(0);
        std::thread::scope(|s| {
            for t in 0..8u64 {
                let (budget, held, most) = (&budget, &held, &most);
                s.spawn(move || {
                    for i in 0..200u64 {
                        // Sizes 1..=150: some over the cap, which must go alone.
                        let n = (t * 37 + i * 13) % 150 + 1;
                        let p = budget.take(n);
                        let now = held.fetch_add(n, Ordering::SeqCst) + n;
                        assert!(now <= 100 || now == n, "{now} bytes held with {n} taken");
                        most.fetch_max(now, Ordering::SeqCst);
                        held.fetch_sub(n, Ordering::SeqCst);
                        drop(p);
                    }
                });
            }
        });
        assert!(most.load(Ordering::SeqCst) > 1);
        assert_eq!(*budget.used.lock().unwrap(), 0);
    }

    #[test]
    fn a_permit_grows_without_holding_while_it_waits() {
        let budget = Budget::new(10);
        let mut a = budget.take(5);
        a.resize(10);
        assert_eq!(*budget.used.lock().unwrap(), 10);
        drop(a);
        assert_eq!(*budget.used.lock().unwrap(), 0);
    }
}
