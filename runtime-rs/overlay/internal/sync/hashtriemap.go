// HashTrieMap, the engine of sync.Map. gc's is a lock-free hash trie that hashes keys through
// gc's map descriptors; rog's is a Go map under a mutex, with the same methods and guarantees
// (each operation is atomic; All and Range see each key at most once).
// TODO(overlay): a concurrent structure if sync.Map shows up in profiles.

package sync

// HashTrieMap is a concurrent map; the zero value is empty and ready to use.
type HashTrieMap[K comparable, V any] struct {
	mu Mutex
	m  map[K]V
}

// Load returns the value stored for key, if any.
func (ht *HashTrieMap[K, V]) Load(key K) (value V, ok bool) {
	ht.mu.Lock()
	value, ok = ht.m[key]
	ht.mu.Unlock()
	return value, ok
}

// LoadOrStore returns the existing value for key if present; otherwise it stores value.
func (ht *HashTrieMap[K, V]) LoadOrStore(key K, value V) (result V, loaded bool) {
	ht.mu.Lock()
	defer ht.mu.Unlock()
	if old, ok := ht.m[key]; ok {
		return old, true
	}
	ht.set(key, value)
	return value, false
}

func (ht *HashTrieMap[K, V]) set(key K, value V) {
	if ht.m == nil {
		ht.m = make(map[K]V)
	}
	ht.m[key] = value
}

// Store sets the value for key.
func (ht *HashTrieMap[K, V]) Store(key K, new V) {
	ht.mu.Lock()
	ht.set(key, new)
	ht.mu.Unlock()
}

// Swap stores new for key and returns the previous value, if any.
func (ht *HashTrieMap[K, V]) Swap(key K, new V) (previous V, loaded bool) {
	ht.mu.Lock()
	defer ht.mu.Unlock()
	previous, loaded = ht.m[key]
	ht.set(key, new)
	return previous, loaded
}

// CompareAndSwap stores new for key if the stored value equals old (compared as interfaces:
// an uncomparable value panics, as in gc).
func (ht *HashTrieMap[K, V]) CompareAndSwap(key K, old, new V) (swapped bool) {
	ht.mu.Lock()
	defer ht.mu.Unlock()
	cur, ok := ht.m[key]
	if !ok || any(cur) != any(old) {
		return false
	}
	ht.m[key] = new
	return true
}

// LoadAndDelete deletes key and returns its value, if any.
func (ht *HashTrieMap[K, V]) LoadAndDelete(key K) (value V, loaded bool) {
	ht.mu.Lock()
	defer ht.mu.Unlock()
	value, loaded = ht.m[key]
	if loaded {
		delete(ht.m, key)
	}
	return value, loaded
}

// Delete deletes key.
func (ht *HashTrieMap[K, V]) Delete(key K) {
	ht.mu.Lock()
	delete(ht.m, key)
	ht.mu.Unlock()
}

// CompareAndDelete deletes key if its value equals old.
func (ht *HashTrieMap[K, V]) CompareAndDelete(key K, old V) (deleted bool) {
	ht.mu.Lock()
	defer ht.mu.Unlock()
	cur, ok := ht.m[key]
	if !ok || any(cur) != any(old) {
		return false
	}
	delete(ht.m, key)
	return true
}

// All returns an iterator over the entries; yield may change the map.
func (ht *HashTrieMap[K, V]) All() func(yield func(K, V) bool) {
	return func(yield func(K, V) bool) {
		ht.Range(yield)
	}
}

// Range calls yield for each entry until it returns false. It works on a copy taken under the
// lock, so yield may use the map.
func (ht *HashTrieMap[K, V]) Range(yield func(K, V) bool) {
	ht.mu.Lock()
	keys := make([]K, 0, len(ht.m))
	vals := make([]V, 0, len(ht.m))
	for k, v := range ht.m {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	ht.mu.Unlock()
	for i := range keys {
		if !yield(keys[i], vals[i]) {
			return
		}
	}
}

// Clear deletes every entry.
func (ht *HashTrieMap[K, V]) Clear() {
	ht.mu.Lock()
	clear(ht.m)
	ht.mu.Unlock()
}
