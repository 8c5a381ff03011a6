// Prettier formats every source file (npm run lint checks it); the Tailwind plugin keeps class lists in Tailwind's order.
const config = {
  printWidth: 140,
  plugins: ["prettier-plugin-tailwindcss"],
  tailwindStylesheet: "./app/globals.css",
};

export default config;
