/**
 * What is wrong with a new password (without the field's name), or null. `minLength` is the
 * dated setting passwordMinLength in force where the password is set.
 */
export function newPasswordProblem(password: string, minLength: number): string | null {
  // Characters as a person counts them: "ё" typed as e + combining mark is one.
  const length = [...password.normalize('NFC')].length
  if (length < minLength) return `не короче ${minLength} символов`
  return null
}
