#include "text/icu_data.h"

#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/utypes.h>

namespace cronaca {

bool register_icu_data(const void* data, std::size_t size, std::string& error) {
  if (size < 32) {
    error = "ICU data is empty or truncated";
    return false;
  }
  UErrorCode status = U_ZERO_ERROR;
  udata_setCommonData(data, &status);
  if (U_FAILURE(status)) {
    error = std::string("ICU rejected its data: ") + u_errorName(status);
    return false;
  }
  // Fail now, with a clear message, rather than on the first document: the break rules' root
  // bundle is the one resource bundle every analysis reads (the subset has no locale bundles).
  status = U_ZERO_ERROR;
  UResourceBundle* root = ures_open(U_ICUDATA_NAME "-brkitr", "root", &status);
  if (root) ures_close(root);
  if (U_FAILURE(status)) {
    error = std::string("ICU data has no usable break rules: ") + u_errorName(status);
    return false;
  }
  return true;
}

}  // namespace cronaca
