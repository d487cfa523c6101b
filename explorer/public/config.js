// Replaced at run time by the explorer server (slmnet-explorer --api URL). Empty: the build default applies.
window.SLMNET_EXPLORER = window.SLMNET_EXPLORER || {};
