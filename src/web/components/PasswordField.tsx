import { PasswordInput, type PasswordInputProps } from "@mantine/core";

/**
 * Mantine's PasswordInput shows its error but does not mark the input aria-invalid (its other inputs
 * do), so a screen reader would not hear that the field is wrong. Use this instead everywhere.
 */
export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput aria-invalid={props.error ? true : undefined} {...props} />;
}
