//===--- NameMatcher.cpp - async-lint -------------------------------------===//

#include "NameMatcher.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async::model {

static std::string nameOf(const NamedDecl &D) {
  DeclarationName Name = D.getDeclName();
  if (Name.isIdentifier())
    return D.getName().str();
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&D))
    return Ctor->getParent()->getName().str();
  return Name.getAsString();
}

std::string canonicalName(const NamedDecl &D) {
  llvm::SmallVector<std::string, 4> Parts;
  Parts.push_back(nameOf(D));
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName().str());
      continue;
    }
    if (const auto *Tag = dyn_cast<TagDecl>(DC)) {
      Parts.push_back(Tag->getName().empty() ? std::string("(anonymous)")
                                             : Tag->getName().str());
      continue;
    }
    // A function-local entity: its enclosing scopes do not name it.
    if (isa<FunctionDecl>(DC) || isa<BlockDecl>(DC))
      break;
  }
  std::string Result;
  for (const std::string &Part : llvm::reverse(Parts)) {
    Result += "::";
    Result += Part;
  }
  return Result;
}

std::string canonicalTypeName(QualType T) {
  const CXXRecordDecl *RD =
      T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD ? canonicalName(*RD) : std::string();
}

std::string displayName(llvm::StringRef Canonical) {
  Canonical.consume_front("::");
  return Canonical.str();
}

std::vector<std::string> splitList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 16> Items;
  Value.split(Items, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Result;
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    if (!Item.empty())
      Result.push_back(Item.str());
  }
  return Result;
}

std::string joinList(const std::vector<std::string> &Items) {
  return llvm::join(Items, ";");
}

NameMatcher::NameMatcher(llvm::StringRef OptionValue)
    : Patterns(splitList(OptionValue)) {}

llvm::StringRef NameMatcher::match(llvm::StringRef Name) const {
  for (const std::string &Pattern : Patterns) {
    llvm::StringRef P(Pattern);
    if (P.starts_with("::")) {
      if (Name == P)
        return P;
      continue;
    }
    if (Name.size() >= P.size() + 2 && Name.ends_with(P) &&
        Name.drop_back(P.size()).ends_with("::"))
      return P;
  }
  return {};
}

} // namespace clang::tidy::async::model
