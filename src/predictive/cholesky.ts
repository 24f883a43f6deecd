/**
 * Solves A x = b for a symmetric positive definite m × m matrix A (row-major, upper triangle read).
 * When rounding leaves A not quite positive definite, a growing multiple of the identity is added, the
 * smallest that lets the factorisation through. A and b are left as they are.
 */
export function choleskySolve(a: Float64Array, b: Float64Array, m: number): Float64Array {
  let largest = 0;
  for (let i = 0; i < m; i++) largest = Math.max(largest, Math.abs(a[i * m + i]!));
  let jitter = 0;
  for (let attempt = 0; attempt < 20; attempt++) {
    const factor = factorise(a, m, jitter);
    if (factor) return substitute(factor, b, m);
    jitter = jitter === 0 ? Math.max(largest, 1) * 1e-12 : jitter * 10;
  }
  throw new Error(`choleskySolve: the ${m} × ${m} matrix is not positive definite`);
}

/** Lower-triangular L with A + jitter·I = L Lᵀ, or undefined when a pivot is not positive. */
function factorise(a: Float64Array, m: number, jitter: number): Float64Array | undefined {
  const l = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let diagonal = a[j * m + j]! + jitter;
    for (let k = 0; k < j; k++) diagonal -= l[j * m + k]! ** 2;
    if (!(diagonal > 0)) return undefined;
    const pivot = Math.sqrt(diagonal);
    l[j * m + j] = pivot;
    for (let i = j + 1; i < m; i++) {
      // The upper triangle holds A[j][i] = A[i][j].
      let sum = a[j * m + i]!;
      for (let k = 0; k < j; k++) sum -= l[i * m + k]! * l[j * m + k]!;
      l[i * m + j] = sum / pivot;
    }
  }
  return l;
}

function substitute(l: Float64Array, b: Float64Array, m: number): Float64Array {
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * m + k]! * y[k]!;
    y[i] = sum / l[i * m + i]!;
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < m; k++) sum -= l[k * m + i]! * x[k]!;
    x[i] = sum / l[i * m + i]!;
  }
  return x;
}
