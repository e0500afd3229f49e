/** `./main.go`, `main.go` and `sub/../main.go`-free names all mean the job's file. */
export function normalizeFile(file: string): string {
  return file.replace(/^\.\//, '');
}

export function sameFile(a: string, b: string): boolean {
  return normalizeFile(a) === normalizeFile(b);
}
