//===--- UnitResult.cpp - async-lint --------------------------------------===//

#include "UnitResult.h"
#include "Findings.h"
#include "llvm/Support/JSON.h"

using clang::tidy::ClangTidyError;
using clang::tooling::DiagnosticMessage;
using clang::tooling::Replacement;
namespace json = llvm::json;

namespace async_lint {

namespace {

json::Value messageToJson(const DiagnosticMessage &M) {
  json::Array Fixes, Ranges;
  for (const auto &Entry : M.Fix)
    for (const Replacement &R : Entry.second)
      Fixes.push_back(json::Object{{"file", R.getFilePath()},
                                   {"offset", R.getOffset()},
                                   {"length", R.getLength()},
                                   {"text", R.getReplacementText()}});
  for (const clang::tooling::FileByteRange &R : M.Ranges)
    Ranges.push_back(json::Object{
        {"file", R.FilePath}, {"offset", R.FileOffset}, {"length", R.Length}});
  return json::Object{{"message", M.Message},
                      {"file", M.FilePath},
                      {"offset", M.FileOffset},
                      {"fixes", std::move(Fixes)},
                      {"ranges", std::move(Ranges)}};
}

json::Value errorToJson(const ClangTidyError &E) {
  json::Array Notes, Aliases;
  for (const DiagnosticMessage &N : E.Notes)
    Notes.push_back(messageToJson(N));
  for (const std::string &Alias : E.EnabledDiagnosticAliases)
    Aliases.push_back(Alias);
  return json::Object{{"name", E.DiagnosticName},
                      {"level", static_cast<int>(E.DiagLevel)},
                      {"warningAsError", E.IsWarningAsError},
                      {"buildDirectory", E.BuildDirectory},
                      {"aliases", std::move(Aliases)},
                      {"message", messageToJson(E.Message)},
                      {"notes", std::move(Notes)}};
}

unsigned number(const json::Object &O, llvm::StringRef Key) {
  return static_cast<unsigned>(O.getInteger(Key).value_or(0));
}

std::string string(const json::Object &O, llvm::StringRef Key) {
  return O.getString(Key).value_or("").str();
}

bool messageFromJson(const json::Value *V, DiagnosticMessage &M) {
  const json::Object *O = V ? V->getAsObject() : nullptr;
  if (!O)
    return false;
  M.Message = string(*O, "message");
  M.FilePath = string(*O, "file");
  M.FileOffset = number(*O, "offset");
  if (const json::Array *Fixes = O->getArray("fixes"))
    for (const json::Value &FV : *Fixes)
      if (const json::Object *F = FV.getAsObject()) {
        Replacement R(string(*F, "file"), number(*F, "offset"),
                      number(*F, "length"), string(*F, "text"));
        if (llvm::Error Err = M.Fix[R.getFilePath()].add(R)) {
          llvm::consumeError(std::move(Err));
          return false;
        }
      }
  if (const json::Array *Ranges = O->getArray("ranges"))
    for (const json::Value &RV : *Ranges)
      if (const json::Object *R = RV.getAsObject()) {
        clang::tooling::FileByteRange Range;
        Range.FilePath = string(*R, "file");
        Range.FileOffset = number(*R, "offset");
        Range.Length = number(*R, "length");
        M.Ranges.push_back(std::move(Range));
      }
  return true;
}

std::optional<ClangTidyError> errorFromJson(const json::Value &V) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return std::nullopt;
  ClangTidyError E(string(*O, "name"),
                   static_cast<ClangTidyError::Level>(number(*O, "level")),
                   string(*O, "buildDirectory"),
                   O->getBoolean("warningAsError").value_or(false));
  if (const json::Array *Aliases = O->getArray("aliases"))
    for (const json::Value &A : *Aliases)
      if (std::optional<llvm::StringRef> Alias = A.getAsString())
        E.EnabledDiagnosticAliases.push_back(Alias->str());
  if (!messageFromJson(O->get("message"), E.Message))
    return std::nullopt;
  if (const json::Array *Notes = O->getArray("notes"))
    for (const json::Value &N : *Notes)
      if (!messageFromJson(&N, E.Notes.emplace_back()))
        return std::nullopt;
  return E;
}

} // namespace

bool hasCompilerError(llvm::ArrayRef<ClangTidyError> Diagnostics) {
  return llvm::any_of(Diagnostics, [](const ClangTidyError &E) {
    return E.DiagLevel == ClangTidyError::Error && isCompilerDiagnostic(E);
  });
}

std::string toJson(const UnitResult &Unit) {
  json::Array Diagnostics, Dependencies;
  for (const ClangTidyError &E : Unit.Diagnostics)
    Diagnostics.push_back(errorToJson(E));
  for (const std::string &Dep : Unit.Dependencies)
    Dependencies.push_back(Dep);
  json::Object Root{{"file", Unit.File},
                    {"failed", Unit.Failed},
                    {"diagnostics", std::move(Diagnostics)},
                    {"dependencies", std::move(Dependencies)}};
  if (!Unit.SummaryFiles.empty()) {
    json::Array Files;
    for (const auto &[Name, Text] : Unit.SummaryFiles)
      Files.push_back(json::Object{{"name", Name}, {"text", Text}});
    Root["summaryFiles"] = std::move(Files);
  }
  std::string Text;
  llvm::raw_string_ostream(Text) << json::Value(std::move(Root));
  return Text;
}

bool fromJson(llvm::StringRef Json, UnitResult &Unit) {
  llvm::Expected<json::Value> Parsed = json::parse(Json);
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return false;
  }
  const json::Object *Root = Parsed->getAsObject();
  const json::Array *Diagnostics =
      Root ? Root->getArray("diagnostics") : nullptr;
  if (!Diagnostics)
    return false;
  Unit.File = string(*Root, "file");
  Unit.Failed = Root->getBoolean("failed").value_or(false);
  for (const json::Value &V : *Diagnostics) {
    std::optional<ClangTidyError> E = errorFromJson(V);
    if (!E)
      return false;
    Unit.Diagnostics.push_back(std::move(*E));
  }
  if (const json::Array *Deps = Root->getArray("dependencies"))
    for (const json::Value &D : *Deps)
      if (std::optional<llvm::StringRef> Dep = D.getAsString())
        Unit.Dependencies.push_back(Dep->str());
  if (const json::Array *Files = Root->getArray("summaryFiles"))
    for (const json::Value &F : *Files) {
      const json::Object *O = F.getAsObject();
      if (!O || !O->getString("name") || !O->getString("text"))
        return false;
      Unit.SummaryFiles.emplace_back(O->getString("name")->str(),
                                     O->getString("text")->str());
    }
  return true;
}

} // namespace async_lint
