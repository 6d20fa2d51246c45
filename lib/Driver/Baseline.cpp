//===--- Baseline.cpp - async-lint ----------------------------------------===//

#include "Baseline.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace async_lint {

namespace {

std::string key(llvm::StringRef Check, llvm::StringRef File,
                llvm::StringRef Fingerprint) {
  return (Check + "\n" + File + "\n" + Fingerprint).str();
}

} // namespace

llvm::Expected<Baseline> Baseline::read(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError("cannot read baseline '" + Path +
                                   "': " + Buffer.getError().message());
  llvm::Expected<llvm::json::Value> Parsed =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return llvm::createStringError("invalid baseline '" + Path +
                                   "': " + llvm::toString(Parsed.takeError()));
  const llvm::json::Object *Root = Parsed->getAsObject();
  const llvm::json::Array *List = Root ? Root->getArray("findings") : nullptr;
  if (!List)
    return llvm::createStringError("invalid baseline '" + Path +
                                   "': no 'findings' array");
  Baseline B;
  for (const llvm::json::Value &V : *List) {
    const llvm::json::Object *O = V.getAsObject();
    std::optional<llvm::StringRef> Check =
        O ? O->getString("check") : std::nullopt;
    std::optional<llvm::StringRef> File =
        O ? O->getString("file") : std::nullopt;
    std::optional<llvm::StringRef> Print =
        O ? O->getString("fingerprint") : std::nullopt;
    if (!Check || !File || !Print)
      return llvm::createStringError(
          "invalid baseline '" + Path +
          "': an entry lacks check, file or fingerprint");
    ++B.Remaining[key(*Check, *File, *Print)];
  }
  return B;
}

llvm::Error Baseline::write(llvm::StringRef Path,
                            llvm::ArrayRef<Finding> Findings,
                            llvm::StringRef SourceRoot) {
  return llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    llvm::json::OStream J(OS, 2);
    J.object([&] {
      J.attribute("version", 1);
      J.attributeArray("findings", [&] {
        for (const Finding &F : Findings)
          J.object([&] {
            J.attribute("check", F.Check);
            J.attribute("file", relativePath(F.Where.File, SourceRoot));
            J.attribute("fingerprint", F.Fingerprint);
            J.attribute("message", F.Message);
          });
      });
    });
    OS << "\n";
    return llvm::Error::success();
  });
}

bool Baseline::accepts(const Finding &F, llvm::StringRef SourceRoot) {
  auto It = Remaining.find(
      key(F.Check, relativePath(F.Where.File, SourceRoot), F.Fingerprint));
  if (It == Remaining.end() || It->second == 0)
    return false;
  --It->second;
  return true;
}

} // namespace async_lint
