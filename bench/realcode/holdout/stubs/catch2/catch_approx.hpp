// Minimal stand-in for Catch2's Approx, written for linting only.
#pragma once
namespace Catch {
struct Approx {
  explicit Approx(double);
  friend bool operator==(double, const Approx &);
};
} // namespace Catch
