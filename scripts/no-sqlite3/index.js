// Nothing: see package.json. Opening a database through this stand-in fails loudly.
module.exports = {};
